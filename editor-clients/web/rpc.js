// The page's one connection to mend serve: JSON-RPC 2.0 over the WebSocket at /rpc (the
// token travels as the HttpOnly cookie the first page load traded it for). Reconnects with
// backoff; every request is answered once, or rejected when the connection drops.
"use strict";

export class Rpc {
  constructor({ onOpen, onNotification, onStatus }) {
    this.onOpen = onOpen;
    this.onNotification = onNotification;
    this.onStatus = onStatus;
    this.nextId = 1;
    this.pending = new Map();
    this.retry = 500;
    this.ws = null;
  }

  connect() {
    this.onStatus("connecting");
    const ws = new WebSocket(`ws://${location.host}/rpc`);
    this.ws = ws;
    ws.onopen = () => {
      this.retry = 500;
      this.onStatus("live");
      this.onOpen();
    };
    ws.onmessage = (event) => {
      let msg;
      try { msg = JSON.parse(event.data); } catch { return; }
      if (msg.id !== undefined && this.pending.has(msg.id)) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p.reject(msg.error); else p.resolve(msg.result);
      } else if (msg.method) {
        this.onNotification(msg.method, msg.params || {});
      }
    };
    ws.onclose = () => {
      for (const p of this.pending.values()) p.reject({ message: "the connection to mend closed" });
      this.pending.clear();
      this.onStatus("offline");
      setTimeout(() => this.connect(), this.retry);
      this.retry = Math.min(this.retry * 2, 10000);
    };
  }

  request(method, params) {
    return new Promise((resolve, reject) => {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
        reject({ message: "not connected to mend right now; try again in a moment" });
        return;
      }
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      const msg = { jsonrpc: "2.0", id, method };
      if (params !== undefined) msg.params = params;
      this.ws.send(JSON.stringify(msg));
    });
  }
}
