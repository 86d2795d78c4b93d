"""`asbhub demo`: the whole nightly exchange on embedded defaults, with real peers on loopback."""
