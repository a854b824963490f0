// InboxReader: see docs/architecture.md
