"""Classical algorithms: searching, sorting and graph traversal."""
