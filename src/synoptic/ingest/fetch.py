"""Fetching URLs safely: http/https only, public addresses only, bounded in time, size and redirects.

Each hop of a redirect chain is checked again: its scheme, and every address its host name
resolves to (loopback, private, link-local, reserved, multicast and unspecified addresses are
refused unless ``allow_private``). The body is read streamed and the read stops at the size cap.
The connection goes to the address that was checked (the URL's host is sent as ``Host`` and as
the TLS server name, so certificates are still verified against it): a DNS server that changes
its answer between the check and the connection (DNS rebinding) gains nothing.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from synoptic.errors import FetchError

# Wall-clock budget for one URL including its redirects, in seconds.
FETCH_TIMEOUT_S = 15.0
# Largest body read; news pages are rarely over 2 MB of HTML.
FETCH_MAX_BYTES = 5 * 1024 * 1024
# Redirects followed before giving up (browsers allow 20; a news URL needs 1-3).
MAX_REDIRECTS = 5
USER_AGENT = "synoptic/0.1 (+news reconciliation; polite single fetches)"


@dataclass(frozen=True)
class Fetched:
    """A downloaded body with the URL it finally came from and its content type."""

    url: str
    body: bytes
    content_type: str
    charset: str | None
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None


def check_url(url: str, *, allow_private: bool = False) -> list[str]:
    """The addresses ``url``'s host resolves to, all checked.

    Raises :class:`FetchError` when ``url`` is not http(s) or its host resolves to a refused address.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(
            url, f"scheme {parts.scheme or '(none)'!r} is not allowed; only http and https URLs are fetched"
        )
    host = parts.hostname
    if not host:
        raise FetchError(url, "has no host name; give a full http(s) URL")
    try:
        infos = socket.getaddrinfo(
            host, parts.port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP
        )
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(url, f"host {host!r} could not be resolved ({err}); check the URL") from None
    addresses = [str(info[4][0]).split("%")[0] for info in infos]
    if not addresses:
        raise FetchError(url, f"host {host!r} has no address; check the URL")
    if allow_private:
        return addresses
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
            addr = addr.ipv4_mapped
        if (
            addr.is_private
            or addr.is_loopback
            or addr.is_link_local
            or addr.is_reserved
            or addr.is_multicast
            or addr.is_unspecified
        ):
            raise FetchError(
                url,
                f"resolves to a non-public address ({addr}); refused (use --allow-private for local servers)",
            )
    return addresses


def _pinned(url: str, address: str) -> tuple[str, str, str | None]:
    """(the URL with its host replaced by ``address``, the Host header, the TLS server name)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    literal = f"[{address}]" if ":" in address else address
    target = urlunsplit((parts.scheme, literal + port, parts.path or "/", parts.query, ""))
    host_header = (f"[{host}]" if ":" in host else host) + port
    try:
        ipaddress.ip_address(host)
        sni = None  # an address in the URL: nothing to name
    except ValueError:
        sni = host if parts.scheme.lower() == "https" else None
    return target, host_header, sni


def _open(client: Any, url: str, addresses: list[str], headers: dict[str, str] | None) -> Any:
    """A streamed GET of ``url`` sent to the first of the checked ``addresses`` that accepts."""
    import httpx

    last: Exception | None = None
    for address in addresses:
        target, host_header, sni = _pinned(url, address)
        request = client.build_request(
            "GET",
            target,
            headers={**(headers or {}), "Host": host_header},
            extensions={"sni_hostname": sni} if sni else None,
        )
        try:
            return client.send(request, stream=True)
        except httpx.ConnectError as err:  # e.g. "localhost" gives ::1 first, the server is on 127.0.0.1
            last = err
    assert last is not None
    raise last


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = FETCH_TIMEOUT_S,
    max_bytes: int = FETCH_MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    headers: dict[str, str] | None = None,
) -> Fetched:
    """Download ``url`` within the limits; raises :class:`FetchError` naming the URL on any refusal.

    ``headers`` are sent with every hop (e.g. ``If-None-Match`` for a conditional request); a
    ``304 Not Modified`` answer then comes back as a :class:`Fetched` with status 304 and no body.
    """
    import httpx

    deadline = time.monotonic() + timeout
    current = url
    with httpx.Client(
        follow_redirects=False,
        timeout=httpx.Timeout(timeout),
        trust_env=False,
        headers={"User-Agent": USER_AGENT},
        limits=httpx.Limits(max_keepalive_connections=0),  # no connection reused across host names
    ) as client:
        for _hop in range(max_redirects + 1):
            if time.monotonic() > deadline:
                raise FetchError(url, f"took longer than {timeout:g} s; refused (try again later)")
            addresses = check_url(current, allow_private=allow_private)
            try:
                with contextlib.closing(_open(client, current, addresses, headers)) as resp:
                    if resp.status_code == 304 and headers:
                        return Fetched(
                            current,
                            b"",
                            "",
                            None,
                            status=304,
                            etag=resp.headers.get("etag"),
                            last_modified=resp.headers.get("last-modified"),
                        )
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(
                                url, f"redirect without a Location from {current}; check the URL"
                            )
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(url, f"server answered HTTP {resp.status_code}; check the URL")
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(url, f"body is larger than the {max_bytes} byte cap; refused")
                        if time.monotonic() > deadline:
                            raise FetchError(
                                url, f"took longer than {timeout:g} s; refused (try again later)"
                            )
                        chunks.append(chunk)
                    ctype = resp.headers.get("content-type", "")
                    charset = resp.charset_encoding
                    return Fetched(
                        current,
                        b"".join(chunks),
                        ctype.split(";")[0].strip().lower(),
                        charset,
                        status=resp.status_code,
                        etag=resp.headers.get("etag"),
                        last_modified=resp.headers.get("last-modified"),
                    )
            except httpx.TimeoutException:
                raise FetchError(url, f"timed out after {timeout:g} s; try again later") from None
            except httpx.HTTPError as err:
                raise FetchError(
                    url,
                    f"could not be fetched ({type(err).__name__}: {' '.join(str(err).split())[:120]}); check the URL",
                ) from None
    raise FetchError(url, f"more than {max_redirects} redirects; refused")
