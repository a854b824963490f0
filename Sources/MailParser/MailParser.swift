// MailParser: see docs/architecture.md
