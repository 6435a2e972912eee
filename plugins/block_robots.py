"""Serve a robots.txt that keeps crawlers out: the site is for people, not for indexers."""
from datasette import hookimpl
from datasette.utils.asgi import Response

ROBOTS = "User-agent: *\nDisallow: /\n"


async def robots_txt():
    return Response.text(ROBOTS)


@hookimpl
def register_routes():
    return [(r"^/robots\.txt$", robots_txt)]
