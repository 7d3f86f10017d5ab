"""The built-in algorithms: one folder per algorithm, ``algorithms/<category>/<id>/``.

Each folder is a plugin registered through the same hook as third-party
packages; eigenvue finds the folders itself, so adding one needs no other edit.
"""
