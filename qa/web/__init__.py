"""The web service: app factory, JSON API, Chinese pages, OpenAPI, limits, HTTP server."""
