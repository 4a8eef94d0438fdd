"""`bantin bench`: a synthetic corpus, timed builds in separate processes, and Hugo to compare."""
