"""Deep-learning algorithms."""
