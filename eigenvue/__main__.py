"""``python -m eigenvue``: the ``eigenvue`` command, run by this interpreter.

Useful where the ``eigenvue`` script on the PATH belongs to another Python, for
example in a virtual environment made with ``--system-site-packages``.
"""

import sys

from eigenvue.cli import main

sys.exit(main())
