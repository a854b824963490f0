// Digest: see docs/architecture.md
