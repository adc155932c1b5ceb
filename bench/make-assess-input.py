#!/usr/bin/env python3
"""Writes N conversations of M messages in the `assess` input shape, deterministically.

  make-assess-input.py [--conversations 10000] [--messages 20] [--seed 7] > conversations.jsonl

A mix of ordinary chat, prices and dates, exceptions, contact details, requests,
payment proposals and contracts in every state, in several languages, so every rule runs.
"""
import argparse
import json
import random

PLAIN = [
    "Thanks for the update, the new mockups look great.",
    "Could you do the landing page for $450 by 03/14?",
    "I pushed the fix for the API call timeout; bumped axios to 1.6.8.",
    "Milestone 2 ($600) approved, thanks!",
    "Let's keep everything here on Upwork until the contract starts.",
    "¿Puedes entregar el logo el viernes antes de las 18:00?",
    "Je vous envoie les trois propositions par ici.",
    "Ich schicke Ihnen morgen den ersten Entwurf.",
    "Спасибо, посмотрю вечером и отвечу.",
    "Kal tak design bhej dunga, theek hai?",
    "شكرا، سأراجع الملفات اليوم",
    "好的，我明天把初稿发给你。",
    "Experience with Slack bots, WhatsApp Business API and email templates is a plus.",
]
RISKY = [
    "Call me at +1 415 555 0132 to discuss.",
    "My email is ana.k.design@gmail.com if that's easier.",
    "We need an NDA signed first, send it to legal@brightpath-labs.com",
    "I'll give you Google Analytics access to scope the audit, which email?",
    "Use ellie.marsh.seo@outlook.com please.",
    "Pay the deposit directly by bank transfer to skip the Upwork fee.",
    "For the next project let's work outside Upwork, WhatsApp me at +52 55 1234 5678",
    "I'm deaf and use a relay service: +1 202 555 0143",
    "my number starts +1 415 555",
    "then 0132, text me",
    "Our background check provider needs your phone number.",
    "I emailed you the brief and budget, let's discuss the rate over email from now on.",
]
CONTRACTS = [
    {"status": "none"},
    {"status": "offered"},
    {"status": "active", "start": "2026-03-10"},
    {"status": "closed", "start": "2026-01-05", "end": "2026-03-20", "conversion_fee_paid": False},
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--conversations", type=int, default=10000)
    ap.add_argument("--messages", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = []
    for c in range(a.conversations):
        cid = f"b{c:05d}"
        history = [{"decided_at": "2025-06-02", "verdict": rng.choice(["violation", "allowed", "exception"]),
                    "penalty": "warning", "reversed": rng.random() < 0.2} for _ in range(rng.randint(0, 3))]
        context = {"phase": rng.choice(["job_post", "proposal", "interview", "messages"]),
                   "client_plan": rng.choice(["basic", "plus", "business", "enterprise"]),
                   "contract": rng.choice(CONTRACTS), "pre_existing_relationship": rng.random() < 0.05,
                   "history": history}
        messages = []
        for m in range(a.messages):
            text = rng.choice(RISKY) if rng.random() < 0.15 else rng.choice(PLAIN)
            messages.append({"id": f"{cid}m{m + 1}", "sender": rng.choice(["client", "freelancer"]),
                             "sent_at": f"2026-03-{1 + m % 28:02d}T{8 + m % 10:02d}:{(7 * m) % 60:02d}:00Z",
                             "text": text})
        out.append(json.dumps({"id": cid, "context": context, "messages": messages}, ensure_ascii=False))
    print("\n".join(out))


if __name__ == "__main__":
    main()
