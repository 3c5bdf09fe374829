# timeout-scale: 3
# gcstress-every: 2000
# asyncio: an echo server and 100 concurrent clients on 127.0.0.1 exchange
# 10,000 messages; every echo comes back intact and in order.
import asyncio


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, k, count):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    bad = 0
    for i in range(count):
        msg = b"client %d message %d %s\n" % (k, i, b"x" * (i % 50))
        writer.write(msg)
        if await reader.readline() != msg:
            bad += 1
    writer.close()
    await writer.wait_closed()
    return count, bad


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    results = await asyncio.wait_for(asyncio.gather(*(client(port, k, 100) for k in range(100))), 120)
    server.close()
    await server.wait_closed()
    return results


results = asyncio.run(main())
print(len(results), sum(n for n, _ in results), sum(b for _, b in results))
