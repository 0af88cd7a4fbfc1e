// Microsoft's JavaScript SignalR client in Node, calling the hub exactly as the README documents:
// Follow(scope) with that one argument, and, when SINCE is given, CatchUp(scope, since) after it.
// Prints {"ready":revision} once following, {"catchUp":{...}} after a catch-up, then each message as a
// JSON line. Usage: node follow-hub.mjs BASEURL SCOPE SECONDS [SINCE]
import * as signalR from '@microsoft/signalr';

const [baseUrl, scope, seconds = '20', since] = process.argv.slice(2);
const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${baseUrl}/hubs/calendar`)
  .configureLogging(signalR.LogLevel.Warning)
  .build();
for (const type of ['ActivityChanged', 'PlacesChanged', 'SignUpsChanged']) {
  connection.on(type, change => console.log(JSON.stringify({ type, ...change })));
}
try {
  await connection.start();
  const revision = await connection.invoke('Follow', scope);
  console.log(JSON.stringify({ ready: revision }));
  if (since !== undefined) {
    const result = await connection.invoke('CatchUp', scope, Number(since));
    console.log(JSON.stringify({ catchUp: result }));
  }
} catch (error) {
  console.log(JSON.stringify({ error: String(error.message ?? error) }));
  process.exit(0);
}
setTimeout(async () => { await connection.stop(); process.exit(0); }, Number(seconds) * 1000);
