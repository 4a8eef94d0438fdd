"""Staff tools: the `bantin` command and its subcommands (check, new, import, bench)."""
