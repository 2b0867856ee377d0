using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Handbook.Cli.Serve;

/// <summary>Server-sent events to open tabs at <c>/__handbook/events</c>: <c>reload</c> after a good build, <c>diagnostics</c> after a bad one.</summary>
public sealed class LiveReloadHub
{
    public const string Path = "/__handbook/events";

    /// <summary>
    /// Events a tab may have waiting. A tab reads each at once; one this far behind is not reading (asleep, or a client that never
    /// reads), so it is dropped rather than let the server's memory grow with every save. A browser's EventSource reconnects by itself.
    /// </summary>
    public const int QueueLimit = 16;

    private readonly ConcurrentDictionary<Client, byte> _clients = new();

    public int Clients => _clients.Count;

    /// <summary>One open tab: its waiting events, and a token cancelled when it is dropped.</summary>
    public sealed class Client
    {
        private readonly Channel<string> _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(QueueLimit)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full, so Publish sees the overflow
        });

        private readonly CancellationTokenSource _dropped = new();

        public CancellationToken Dropped => _dropped.Token;

        public int Queued => _queue.Reader.Count;

        public bool TryRead(out string message) => _queue.Reader.TryRead(out message!);

        public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancel) => _queue.Reader.ReadAllAsync(cancel);

        internal bool TryWrite(string message) => _queue.Writer.TryWrite(message);

        internal void Drop()
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out _))
            {
            }

            _dropped.Cancel();
        }
    }

    public Client Subscribe()
    {
        var client = new Client();
        _clients[client] = 0;
        return client;
    }

    public void Unsubscribe(Client client) => _clients.TryRemove(client, out _);

    public void Publish(string eventName, string data)
    {
        var message = new StringBuilder("event: ").Append(eventName).Append('\n');
        foreach (var line in data.Split('\n'))
        {
            message.Append("data: ").Append(line).Append('\n');
        }

        message.Append('\n');
        var text = message.ToString();
        foreach (var client in _clients.Keys)
        {
            if (!client.TryWrite(text) && _clients.TryRemove(client, out _))
            {
                client.Drop();
            }
        }
    }

    /// <summary>Holds one tab's connection open, writing each event as it is published, until the tab or the server goes away.</summary>
    public async Task Stream(HttpContext context, CancellationToken stopping)
    {
        context.Response.Headers.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var client = Subscribe();
        using var all = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping, client.Dropped);
        try
        {
            // A comment line first, so the browser (and a test) sees the stream open at once.
            await context.Response.WriteAsync(": connected\n\n", all.Token);
            await context.Response.Body.FlushAsync(all.Token);
            await foreach (var message in client.ReadAllAsync(all.Token))
            {
                await context.Response.WriteAsync(message, all.Token);
                await context.Response.Body.FlushAsync(all.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
        finally
        {
            Unsubscribe(client);
            if (client.Dropped.IsCancellationRequested)
            {
                context.Abort();
            }
        }
    }
}
