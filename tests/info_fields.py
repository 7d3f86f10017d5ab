"""The fields of an algorithm's one-line summary, which the API and the command line share."""

#: The fields of ``eigenvue.AlgorithmInfo``, in order: what ``eigenvue.list()`` gives for
#: each algorithm, and the keys of each row ``eigenvue list --json`` writes.
INFO_FIELDS = [
    "id",
    "name",
    "category",
    "description",
    "difficulty",
    "time_complexity",
    "space_complexity",
]
