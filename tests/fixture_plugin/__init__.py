"""A tiny algorithm for the framework's tests: the running sum of a list of numbers.

It is a plugin like any other (metadata, inputs, trace, frames on the array part), so the
framework's tests exercise the real machinery without depending on a catalogue algorithm.
Register it for one test with the ``fixture_algorithm`` fixture (``tests/conftest.py``).
"""

import eigenvue

#: The id the fixture algorithm registers under.
ID = "fixture-running-sum"
#: The name of the plugin while registered.
PLUGIN_NAME = "eigenvue-test-fixture"


@eigenvue.hookimpl
def register_algorithms(register):
    """Register the running sum."""
    register(eigenvue.Algorithm.from_package(__name__))
