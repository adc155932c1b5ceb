<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>cg::ActionRegistry</name>
    <message>
        <source>&amp;Open Case Database…</source>
        <translation>&amp;Falldatenbank öffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Next Case</source>
        <translation>&amp;Nächster Fall</translation>
    </message>
    <message>
        <source>&amp;Previous Case</source>
        <translation>V&amp;orheriger Fall</translation>
    </message>
    <message>
        <source>Verdict: &amp;Violation</source>
        <translation>Urteil: &amp;Verstoß</translation>
    </message>
    <message>
        <source>Verdict: &amp;Exception</source>
        <translation>Urteil: &amp;Ausnahme</translation>
    </message>
    <message>
        <source>Verdict: &amp;Allowed</source>
        <translation>Urteil: &amp;Zulässig</translation>
    </message>
    <message>
        <source>Verdict: No &amp;Contact</source>
        <translation>Urteil: &amp;Keine Kontaktdaten</translation>
    </message>
    <message>
        <source>Write a &amp;Note</source>
        <translation>No&amp;tiz schreiben</translation>
    </message>
    <message>
        <source>Choose a &amp;Penalty</source>
        <translation>&amp;Sanktion wählen</translation>
    </message>
    <message>
        <source>&amp;Submit and Go to Next</source>
        <translation>Absenden und &amp;weiter</translation>
    </message>
    <message>
        <source>&amp;Search Cases</source>
        <translation>Fälle &amp;durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Decision &amp;Log</source>
        <translation>&amp;Entscheidungsprotokoll</translation>
    </message>
</context>
<context>
    <name>cg::AuditLogModel</name>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
</context>
<context>
    <name>cg::CaseQueueModel</name>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 Tg.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Auftraggeber</translation>
    </message>
    <message>
        <source>Freelancer</source>
        <translation>Freelancer</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>cg::ConversationModel</name>
    <message>
        <source>Contract started %1</source>
        <translation>Vertragsbeginn %1</translation>
    </message>
    <message>
        <source>Contract ended %1</source>
        <translation>Vertragsende %1</translation>
    </message>
</context>
<context>
    <name>cg::ConversationPanel</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Case title</source>
        <translation>Falltitel</translation>
    </message>
    <message>
        <source>Case context</source>
        <translation>Fallkontext</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Highlight legend</source>
        <translation>Legende der Hervorhebungen</translation>
    </message>
    <message>
        <source>contract active since %1</source>
        <translation>Vertrag aktiv seit %1</translation>
    </message>
    <message>
        <source>contract closed %1 (ran from %2)%3</source>
        <translation>Vertrag beendet am %1 (Laufzeit ab %2)%3</translation>
    </message>
    <message>
        <source>, conversion fee paid</source>
        <translation>, Ablösegebühr bezahlt</translation>
    </message>
    <message>
        <source>contract offered, not started</source>
        <translation>Vertrag angeboten, nicht begonnen</translation>
    </message>
    <message>
        <source>no contract</source>
        <translation>kein Vertrag</translation>
    </message>
    <message>
        <source>No case selected</source>
        <translation>Kein Fall ausgewählt</translation>
    </message>
    <message>
        <source>Open a case database (Ctrl+O) and pick a case from the queue (J / K).</source>
        <translation>Öffnen Sie eine Falldatenbank (Ctrl+O) und wählen Sie einen Fall aus der Warteschlange (J / K).</translation>
    </message>
    <message>
        <source>Case %1 · %2</source>
        <translation>Fall %1 · %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Under review:&lt;/b&gt; %1, the client (%2 plan) · freelancer %3</source>
        <translation>&lt;b&gt;In Prüfung:&lt;/b&gt; %1, Auftraggeber (Tarif %2) · Freelancer %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Under review:&lt;/b&gt; %1, the freelancer · client %2 (%3 plan)</source>
        <translation>&lt;b&gt;In Prüfung:&lt;/b&gt; %1, Freelancer · Auftraggeber %2 (Tarif %3)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Context:&lt;/b&gt; %1 · %2%3 · status %4</source>
        <translation>&lt;b&gt;Kontext:&lt;/b&gt; %1 · %2%3 · Status %4</translation>
    </message>
    <message>
        <source> · pre-existing relationship</source>
        <translation> · vorbestehende Beziehung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Flagged:&lt;/b&gt; %1 (%2) on %3</source>
        <translation>&lt;b&gt;Gemeldet:&lt;/b&gt; %1 (%2) am %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Decided:&lt;/b&gt; %1%2 by %3 on %4</source>
        <translation>&lt;b&gt;Entschieden:&lt;/b&gt; %1%2 von %3 am %4</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
</context>
<context>
    <name>cg::DecisionLogModel</name>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Moderator</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Sanktion</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Grundlage</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Aufhebung</translation>
    </message>
    <message>
        <source>%1 (training)</source>
        <translation>%1 (Schulung)</translation>
    </message>
    <message>
        <source>reversed by %1</source>
        <translation>aufgehoben durch %1</translation>
    </message>
    <message>
        <source>reverses %1</source>
        <translation>hebt %1 auf</translation>
    </message>
</context>
<context>
    <name>cg::DecisionLogPanel</name>
    <message>
        <source>any day</source>
        <translation>beliebiger Tag</translation>
    </message>
    <message>
        <source>Decision and audit log</source>
        <translation>Entscheidungs- und Prüfprotokoll</translation>
    </message>
    <message>
        <source>&amp;Decisions</source>
        <translation>&amp;Entscheidungen</translation>
    </message>
    <message>
        <source>A&amp;udit log</source>
        <translation>&amp;Prüfprotokoll</translation>
    </message>
    <message>
        <source>Moderator filter</source>
        <translation>Moderatorfilter</translation>
    </message>
    <message>
        <source>Verdict filter</source>
        <translation>Urteilsfilter</translation>
    </message>
    <message>
        <source>Every verdict</source>
        <translation>Alle Urteile</translation>
    </message>
    <message>
        <source>Decided from</source>
        <translation>Entschieden ab</translation>
    </message>
    <message>
        <source>Decided until</source>
        <translation>Entschieden bis</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Aktionsfilter</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>Kette &amp;verifizieren</translation>
    </message>
    <message>
        <source>Verify the audit log&apos;s hash chain</source>
        <translation>Hash-Kette des Prüfprotokolls verifizieren</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Einträge im Prüfprotokoll</translation>
    </message>
    <message>
        <source>Every moderator</source>
        <translation>Alle Moderatoren</translation>
    </message>
    <message>
        <source>✔ %1</source>
        <translation>✔ %1</translation>
    </message>
    <message>
        <source>✘ %1</source>
        <translation>✘ %1</translation>
    </message>
</context>
<context>
    <name>cg::DecisionPanel</name>
    <message>
        <source>&amp;Violation  (1)</source>
        <translation>&amp;Verstoß  (1)</translation>
    </message>
    <message>
        <source>&amp;Exception applies  (2)</source>
        <translation>&amp;Ausnahme greift  (2)</translation>
    </message>
    <message>
        <source>&amp;Allowed  (3)</source>
        <translation>&amp;Zulässig  (3)</translation>
    </message>
    <message>
        <source>No &amp;contact details  (4)</source>
        <translation>&amp;Keine Kontaktdaten  (4)</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Verwarnung</translation>
    </message>
    <message>
        <source>Loss of badges</source>
        <translation>Entzug der Abzeichen</translation>
    </message>
    <message>
        <source>Temporary restriction</source>
        <translation>Vorübergehende Einschränkung</translation>
    </message>
    <message>
        <source>Permanent suspension</source>
        <translation>Dauerhafte Sperrung</translation>
    </message>
    <message>
        <source>Submit &amp;&amp; next  (Ctrl+Enter)</source>
        <translation>Absenden &amp;&amp; weiter  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Sanktion</translation>
    </message>
    <message>
        <source>No penalty</source>
        <translation>Keine Sanktion</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Why this verdict? (N to write, Esc to leave)</source>
        <translation>Warum dieses Urteil? (N zum Schreiben, Esc zum Verlassen)</translation>
    </message>
    <message>
        <source>Submit decision</source>
        <translation>Entscheidung absenden</translation>
    </message>
    <message>
        <source>&amp;Penalty</source>
        <translation>&amp;Sanktion</translation>
    </message>
</context>
<context>
    <name>cg::MainWindow</name>
    <message>
        <source>Decision log</source>
        <translation>Entscheidungsprotokoll</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Zu&amp;letzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Fall</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>A penalty goes with a violation: press 1 first, then P.</source>
        <translation>Eine Sanktion setzt einen Verstoß voraus: zuerst 1 drücken, dann P.</translation>
    </message>
    <message>
        <source>ContactGuard</source>
        <translation>ContactGuard</translation>
    </message>
    <message>
        <source>%1 — ContactGuard</source>
        <translation>%1 — ContactGuard</translation>
    </message>
    <message>
        <source>No case database open</source>
        <translation>Keine Falldatenbank geöffnet</translation>
    </message>
    <message>
        <source>Open Case Database</source>
        <translation>Falldatenbank öffnen</translation>
    </message>
    <message>
        <source>Case databases (*.sqlite *.db);;All files (*)</source>
        <translation>Falldatenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a verdict first: 1 violation, 2 exception, 3 allowed, 4 no contact.</source>
        <translation>Wählen Sie zuerst ein Urteil: 1 Verstoß, 2 Ausnahme, 3 zulässig, 4 keine Kontaktdaten.</translation>
    </message>
    <message>
        <source>Case %1 decided: %2 (decision %3).</source>
        <translation>Fall %1 entschieden: %2 (Entscheidung %3).</translation>
    </message>
    <message>
        <source>%1 The case has been reloaded; review it and submit again.</source>
        <translation>%1 Der Fall wurde neu geladen; prüfen Sie ihn und senden Sie erneut ab.</translation>
    </message>
    <message>
        <source>The decision was not saved: %1</source>
        <translation>Die Entscheidung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Moderator: %1%2</source>
        <translation>Moderator: %1%2</translation>
    </message>
    <message>
        <source> (training)</source>
        <translation> (Schulung)</translation>
    </message>
    <message numerus="yes">
        <source>The audit log&apos;s %n entry(ies) are intact.</source>
        <translation>
            <numerusform>Das Prüfprotokoll ist intakt (%n Eintrag).</numerusform>
            <numerusform>Das Prüfprotokoll ist intakt (%n Einträge).</numerusform>
        </translation>
    </message>
    <message>
        <source>This file&apos;s audit log was changed outside ContactGuard: %1 Treat its decisions with care and report it to a lead.</source>
        <translation>Das Prüfprotokoll dieser Datei wurde außerhalb von ContactGuard geändert: %1 Behandeln Sie die darin enthaltenen Entscheidungen mit Vorsicht und melden Sie dies einer Teamleitung.</translation>
    </message>
</context>
<context>
    <name>cg::MessageBar</name>
    <message>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>cg::MessageDelegate</name>
    <message>
        <source>job post</source>
        <translation>Ausschreibung</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>freelancer</source>
        <translation>Freelancer</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Auftraggeber</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 · %4</source>
        <translation>%1 (%2) · %3 · %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Value: &lt;code&gt;%3&lt;/code&gt;&lt;br&gt;Confidence: %4%&lt;br&gt;Rule: %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Wert: &lt;code&gt;%3&lt;/code&gt;&lt;br&gt;Konfidenz: %4 %&lt;br&gt;Regel: %5</translation>
    </message>
    <message>
        <source>&lt;br&gt;Disguised: written as “%1”, decoded as “%2”</source>
        <translation>&lt;br&gt;Verschleiert: geschrieben als „%1“, entschlüsselt als „%2“</translation>
    </message>
</context>
<context>
    <name>cg::PersonPanel</name>
    <message>
        <source>case %1</source>
        <translation>Fall %1</translation>
    </message>
    <message>
        <source>%1 since %2 (%3)</source>
        <translation>%1 seit %2 (%3)</translation>
    </message>
    <message>
        <source>, until %1</source>
        <translation>, bis %1</translation>
    </message>
    <message>
        <source>Person and history</source>
        <translation>Person und Verlauf</translation>
    </message>
    <message>
        <source>Person under review and their history</source>
        <translation>Geprüfte Person und ihr Verlauf</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Auftraggeber</translation>
    </message>
    <message>
        <source>freelancer</source>
        <translation>Freelancer</translation>
    </message>
    <message>
        <source>%1 plan</source>
        <translation>Tarif %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;A relationship outside the platform that predates this conversation is on record.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine Beziehung außerhalb der Plattform, die bereits vor dieser Unterhaltung bestand, ist vermerkt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Active penalties:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Aktive Sanktionen:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;Earlier decisions&lt;/b&gt; (%n violation(s) count on the ladder):&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;Frühere Entscheidungen&lt;/b&gt; (%n Verstoß zählt für die Sanktionsstufe):&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;Frühere Entscheidungen&lt;/b&gt; (%n Verstöße zählen für die Sanktionsstufe):&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;None.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Keine.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 · %2 · %3%4 · %5</source>
        <translation>%1 · %2 · %3%4 · %5</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>&lt;s&gt;%1&lt;/s&gt; reversed</source>
        <translation>&lt;s&gt;%1&lt;/s&gt; aufgehoben</translation>
    </message>
    <message>
        <source>&lt;p&gt;No case selected.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kein Fall ausgewählt.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>cg::QueuePanel</name>
    <message>
        <source>Case queue</source>
        <translation>Fallwarteschlange</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Fälle durchsuchen</translation>
    </message>
    <message>
        <source>Search job, people or case id  (/)</source>
        <translation>Auftrag, Personen oder Fall-ID suchen  (/)</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Offene Fälle</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Alle Fälle</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Showing %1 (more as you scroll)</source>
        <translation>%1 angezeigt (weitere beim Scrollen)</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n case(s)</source>
        <translation>
            <numerusform>%n Fall angezeigt</numerusform>
            <numerusform>%n Fälle angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>eskaliert</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>entschieden</translation>
    </message>
</context>
<context>
    <name>cg::ReviewSession</name>
    <message>
        <source>No case is selected.</source>
        <translation>Es ist kein Fall ausgewählt.</translation>
    </message>
</context>
<context>
    <name>cg::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Moderator name</source>
        <translation>Moderatorname</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>System size</source>
        <translation>Systemgröße</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>&amp;Decide as</source>
        <translation>&amp;Entscheiden als</translation>
    </message>
    <message>
        <source>Takes effect when a case database is next opened.</source>
        <translation>Wird beim nächsten Öffnen einer Falldatenbank wirksam.</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;Font size</source>
        <translation>&amp;Schriftgröße</translation>
    </message>
    <message>
        <source>Shortcut for %1</source>
        <translation>Tastenkürzel für %1</translation>
    </message>
</context>
<context>
    <name>cg::ShortcutSheet</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>cg::SpanStyle</name>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation>Messenger</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Social Media</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Review flagged conversations for shared contact details.</source>
        <translation>Gemeldete Unterhaltungen auf geteilte Kontaktdaten prüfen.</translation>
    </message>
    <message>
        <source>Decide as this moderator (default: your login name).</source>
        <translation>Als dieser Moderator entscheiden (Standard: Ihr Anmeldename).</translation>
    </message>
    <message>
        <source>The case database to open.</source>
        <translation>Die zu öffnende Falldatenbank.</translation>
    </message>
</context>
</TS>
