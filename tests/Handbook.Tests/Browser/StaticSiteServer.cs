using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Handbook.Tests.Browser;

/// <summary>
/// A tiny static file server on 127.0.0.1 that serves a site folder under a path prefix (<c>/repo/</c>), the way GitHub
/// Pages serves a project site: a folder URL serves its <c>index.html</c>, and a missing file gets the site's
/// <c>404.html</c> with status 404, at the missing URL's own depth. HTTP/1.0-style: one request per connection.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly string folder;
    private readonly Task loop;

    /// <summary>Serves <paramref name="folder"/> at <c>http://127.0.0.1:PORT{prefix}</c>; port 0 picks a free one.</summary>
    public StaticSiteServer(string folder, string prefix = "/repo/", int port = 0)
    {
        this.folder = folder;
        Prefix = prefix;
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    /// <summary>Picks a free port without serving yet, for a site built with a base URL that must name the port.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public string Prefix { get; }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public string Root => $"http://127.0.0.1:{Port}{Prefix}";

    /// <summary>Every path requested, with the status served.</summary>
    public ConcurrentQueue<(string Path, int Status)> Requests { get; } = new();

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync() ?? "";
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
                {
                }

                var parts = requestLine.Split(' ');
                var path = parts.Length > 1 ? parts[1] : "/";
                var (status, type, body) = Respond(path);
                Requests.Enqueue((path, status));
                var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Not Found")}\r\nContent-Type: {type}\r\nContent-Length: {body.Length}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                if (parts[0] != "HEAD")
                {
                    await stream.WriteAsync(body);
                }
            }
            catch (IOException)
            {
            }
        }
    }

    private (int Status, string Type, byte[] Body) Respond(string rawPath)
    {
        var path = Uri.UnescapeDataString(rawPath.Split('?', '#')[0]);
        if (path.StartsWith(Prefix, StringComparison.Ordinal) && !path.Contains("..", StringComparison.Ordinal))
        {
            var relative = path[Prefix.Length..];
            if (relative.Length == 0 || relative.EndsWith('/'))
            {
                relative += "index.html";
            }

            var file = Path.Combine(folder, relative);
            if (File.Exists(file))
            {
                return (200, ContentType(file), File.ReadAllBytes(file));
            }
        }

        var notFound = Path.Combine(folder, "404.html");
        return (404, "text/html; charset=utf-8", File.Exists(notFound) ? File.ReadAllBytes(notFound) : "not found"u8.ToArray());
    }

    public static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".xml" => "application/xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    };

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }
}
