"""Generative-AI algorithms: tokenisation, embeddings, attention and the transformer block."""
