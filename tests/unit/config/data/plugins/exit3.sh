#!/bin/sh
# Fails like a plugin whose cached login expired.
echo "progress: refreshing" >&2
echo "  boom: token expired, run 'login' again  " >&2
exit 3
