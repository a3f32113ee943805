"""Pages, one module per domain. Views validate input and call the domain services."""
