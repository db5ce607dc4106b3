# Tests of the API server that run outside the GoogleTest binary (owned by the server work).
