"""Bytes in and out safely: bounded reads, YAML and JSON readers that keep locations, numbers, sheets, atomic writes."""
