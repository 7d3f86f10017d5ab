import os

import matplotlib

# Tests draw off-screen unless a test sets up a display of its own.
if not os.environ.get("EIGENVUE_TEST_DISPLAY"):
    matplotlib.use("Agg")
