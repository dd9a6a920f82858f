"""A stand-in for Django's manage.py: 'runserver ADDR:PORT' serves one page with the standard library."""
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Hello(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"hello\n")


if __name__ == "__main__":
    host, port = sys.argv[2].rsplit(":", 1)
    HTTPServer((host, int(port)), Hello).serve_forever()
