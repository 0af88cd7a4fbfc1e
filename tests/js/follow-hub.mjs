// Microsoft's JavaScript SignalR client in Node: follows a scope on the hub and prints each message
// as a JSON line. Prints {"ready":revision} once following. Usage: node follow-hub.mjs BASEURL SCOPE SECONDS
import * as signalR from '@microsoft/signalr';

const [baseUrl, scope, seconds = '20'] = process.argv.slice(2);
const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${baseUrl}/hubs/calendar`)
  .configureLogging(signalR.LogLevel.Warning)
  .build();
connection.on('ActivityChanged', change => console.log(JSON.stringify({ type: 'ActivityChanged', ...change })));
connection.on('PlacesChanged', change => console.log(JSON.stringify({ type: 'PlacesChanged', ...change })));
try {
  await connection.start();
  const revision = await connection.invoke('Follow', scope, null);
  console.log(JSON.stringify({ ready: revision }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error.message ?? error) }));
  process.exit(0);
}
setTimeout(async () => { await connection.stop(); process.exit(0); }, Number(seconds) * 1000);
