"""Sign-in: the managed identity provider the tests and a developer use (``keycloak``)."""
