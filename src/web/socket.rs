//! A WebSocket to the sync server (binary messages only), and random bytes from the browser's
//! cryptographic generator (the keys of shared meetings' links).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// An open (or opening) socket; closed when dropped.
pub struct Socket {
    ws: web_sys::WebSocket,
    _handlers: [Closure<dyn FnMut(web_sys::Event)>; 3],
}

/// The sync server's address for this page: `/sync` on the page's own host (`wss:` under
/// `https:`), so that the apps' policy (`default-src 'self'`) lets it through.
pub fn sync_url() -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    Some(format!("{scheme}://{}/sync", location.host().ok()?))
}

impl Socket {
    /// Opens a socket to `url`; the callbacks run when it opens, for each binary message, and
    /// when it closes (or fails to open).
    pub fn open(
        url: &str,
        on_open: impl FnMut() + 'static,
        mut on_message: impl FnMut(Vec<u8>) + 'static,
        on_close: impl FnMut() + 'static,
    ) -> Result<Socket, String> {
        let ws = web_sys::WebSocket::new(url).map_err(|_| format!("No connection to {url}."))?;
        ws.set_binary_type(web_sys::BinaryType::Arraybuffer);
        let mut on_open = on_open;
        let open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_open());
        let message = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let Ok(e) = e.dyn_into::<web_sys::MessageEvent>() else {
                return;
            };
            if let Ok(buffer) = e.data().dyn_into::<js_sys::ArrayBuffer>() {
                on_message(js_sys::Uint8Array::new(&buffer).to_vec());
            }
        });
        let mut on_close = on_close;
        let close = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_close());
        ws.set_onopen(Some(open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(message.as_ref().unchecked_ref()));
        ws.set_onclose(Some(close.as_ref().unchecked_ref()));
        Ok(Socket {
            ws,
            _handlers: [open, message, close],
        })
    }

    /// Sends a message; false when the socket is not open.
    pub fn send(&self, bytes: &[u8]) -> bool {
        self.ws.ready_state() == web_sys::WebSocket::OPEN
            && self.ws.send_with_u8_array(bytes).is_ok()
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        self.ws.set_onopen(None);
        self.ws.set_onmessage(None);
        self.ws.set_onclose(None);
        let _ = self.ws.close();
    }
}

/// 16 bytes from the browser's cryptographic random generator (none if it is missing: a key
/// is then not made at all).
pub fn random_bytes() -> Option<[u8; 16]> {
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// A random 64-bit number (the ids of things in a shared meeting).
pub fn random_u64() -> u64 {
    match random_bytes() {
        Some(b) => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        None => (js_sys::Math::random() * 18_446_744_073_709_551_616.0) as u64,
    }
}
