"""A candidates file loaded with its criteria resolved: loading, criteria references, built-in sets, sheet import."""
