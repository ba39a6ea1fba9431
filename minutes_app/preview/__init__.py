"""The live preview of a meeting's documents: the process that draws them, and its client."""
