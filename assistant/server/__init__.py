"""The web server: the FastAPI app, its routes, security and operations."""
