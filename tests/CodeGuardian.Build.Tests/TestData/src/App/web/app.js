export function start(config) {
  console.log("starting", config.name);
  // TODO: read the port from config
  return fetch("/api/start");
}

export function stop() {
	console.log("stopping");
}
