"""Staff tools: the `bantin` command and what its sub-commands do."""
