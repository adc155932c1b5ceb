<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>cg::ActionRegistry</name>
    <message>
        <source>&amp;Open Case Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: &amp;Violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: &amp;Exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: &amp;Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: No &amp;Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a &amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a &amp;Penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit and Go to Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision &amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::AuditLogModel</name>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::CaseQueueModel</name>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freelancer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::ConversationModel</name>
    <message>
        <source>Contract started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract ended %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::ConversationPanel</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contract active since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contract closed %1 (ran from %2)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, conversion fee paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contract offered, not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a case database (Ctrl+O) and pick a case from the queue (J / K).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Under review:&lt;/b&gt; %1, the client (%2 plan) · freelancer %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Under review:&lt;/b&gt; %1, the freelancer · client %2 (%3 plan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Context:&lt;/b&gt; %1 · %2%3 · status %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · pre-existing relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Flagged:&lt;/b&gt; %1 (%2) on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Decided:&lt;/b&gt; %1%2 by %3 on %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::DecisionLogModel</name>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reversed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reverses %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::DecisionLogPanel</name>
    <message>
        <source>any day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision and audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;udit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderator filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the audit log&apos;s hash chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::DecisionPanel</name>
    <message>
        <source>&amp;Violation  (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Exception applies  (2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Allowed  (3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No &amp;contact details  (4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss of badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary restriction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permanent suspension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit &amp;&amp; next  (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this verdict? (N to write, Esc to leave)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Penalty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::MainWindow</name>
    <message>
        <source>Decision log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A penalty goes with a violation: press 1 first, then P.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ContactGuard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — ContactGuard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case database open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Case Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case databases (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a verdict first: 1 violation, 2 exception, 3 allowed, 4 no contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 decided: %2 (decision %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The case has been reloaded; review it and submit again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderator: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The audit log&apos;s %n entry(ies) are intact.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This file&apos;s audit log was changed outside ContactGuard: %1 Treat its decisions with care and report it to a lead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::MessageBar</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::MessageDelegate</name>
    <message>
        <source>job post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>freelancer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Value: &lt;code&gt;%3&lt;/code&gt;&lt;br&gt;Confidence: %4%&lt;br&gt;Rule: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Disguised: written as “%1”, decoded as “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::PersonPanel</name>
    <message>
        <source>case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 since %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person and history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person under review and their history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>freelancer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A relationship outside the platform that predates this conversation is on record.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Active penalties:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;Earlier decisions&lt;/b&gt; (%n violation(s) count on the ladder):&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;None.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3%4 · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;s&gt;%1&lt;/s&gt; reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No case selected.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::QueuePanel</name>
    <message>
        <source>Case queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search job, people or case id  (/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 (more as you scroll)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing %n case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::ReviewSession</name>
    <message>
        <source>No case is selected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderator name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decide as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect when a case database is next opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::ShortcutSheet</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cg::SpanStyle</name>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Review flagged conversations for shared contact details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide as this moderator (default: your login name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case database to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
