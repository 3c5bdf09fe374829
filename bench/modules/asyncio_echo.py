"""asyncio: an echo server on 127.0.0.1 and 100 concurrent stream clients.

Each client sends MESSAGES/100 newline-terminated messages and reads each
echo back; the checksum counts the bytes echoed.  Messages per second is
MESSAGES divided by the time.

usage: asyncio_echo.py [MESSAGES]
"""
# bench-size: default=100000 quick=5000
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
CLIENTS = 100


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, k, count):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    got = 0
    for i in range(count):
        writer.write(b"client %d message %d\n" % (k, i))
        line = await reader.readline()
        got += len(line)
    writer.close()
    await writer.wait_closed()
    return got


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    per = N // CLIENTS
    totals = await asyncio.gather(*(client(port, k, per) for k in range(CLIENTS)))
    server.close()
    await server.wait_closed()
    return sum(totals), per * CLIENTS


got, sent = asyncio.run(main())
print("checksum", got, sent)
