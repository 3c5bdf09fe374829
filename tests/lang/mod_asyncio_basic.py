# gcstress-every: 100
# asyncio: asyncio.run with sleep, gather, wait_for timeouts, a TCP server and open_connection on localhost,
# queues, events, futures, cancellation, streams over a socketpair.
import asyncio, socket
async def ticker(name, n, delay, out):
    for i in range(n):
        await asyncio.sleep(delay)
        out.append((name, i))
    return name
async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()
async def main():
    out = []
    r = await asyncio.gather(ticker("a", 3, 0.01, out), ticker("b", 2, 0.015, out))
    print(r, sorted(out))
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.02)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    srv = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = srv.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for msg in (b"hello\n", b"asyncio\n"):
        writer.write(msg)
        await writer.drain()
        print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    srv.close()
    await srv.wait_closed()
    q = asyncio.Queue()
    async def producer():
        for i in range(3):
            await q.put(i)
        await q.put(None)
    async def consumer():
        got = []
        while (x := await q.get()) is not None:
            got.append(x)
        return got
    print(await asyncio.gather(producer(), consumer()))
    ev = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.call_later(0.01, ev.set)
    await ev.wait()
    print("event set", ev.is_set())
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "future done")
    print(await fut)
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    a, b = socket.socketpair()
    r2, w2 = await asyncio.open_connection(sock=a)
    b.sendall(b"over a socketpair\n")
    print(await r2.readline())
    w2.close()
    b.close()
    return "main done"
print(asyncio.run(main()))
