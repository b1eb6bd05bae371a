"""The API's routers: events and their records, the dashboard's aggregate views, articles, the web app."""
