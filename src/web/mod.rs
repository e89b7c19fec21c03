//! The browser app (wasm32 only). FIXME(web helper).
