using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Handbook.Cli.Serve;

/// <summary>Server-sent events to open tabs at <c>/__handbook/events</c>: <c>reload</c> after a good build, <c>diagnostics</c> after a bad one.</summary>
public sealed class LiveReloadHub
{
    public const string Path = "/__handbook/events";

    private readonly ConcurrentDictionary<Channel<string>, byte> _clients = new();

    public int Clients => _clients.Count;

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
            client.Writer.TryWrite(text);
        }
    }

    /// <summary>Holds one tab's connection open, writing each event as it is published, until the tab or the server goes away.</summary>
    public async Task Stream(HttpContext context, CancellationToken stopping)
    {
        context.Response.Headers.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        _clients[channel] = 0;
        using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            // A comment line first, so the browser (and a test) sees the stream open at once.
            await context.Response.WriteAsync(": connected\n\n", both.Token);
            await context.Response.Body.FlushAsync(both.Token);
            await foreach (var message in channel.Reader.ReadAllAsync(both.Token))
            {
                await context.Response.WriteAsync(message, both.Token);
                await context.Response.Body.FlushAsync(both.Token);
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
            _clients.TryRemove(channel, out _);
        }
    }
}
