// PatchModel: see docs/architecture.md
