//! Raw deflate (RFC 1951) with the browser's own `CompressionStream`, so the app ships no
//! compressor: a person's record for a colleague shrinks about six times before it is sealed.
//! web-sys has the two streams only behind its unstable-API flag (which would change how every
//! other binding is built), so the two constructors and their halves are bound here.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableWritablePair, Response, WritableStream};

use crate::domain::handover::HandoverError;

#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> WritableStream;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> WritableStream;
}

const FORMAT: &str = "deflate-raw";

/// Far beyond any person's record: a record that opens to more is refused, not read (anyone
/// with this device's receive code can seal one, so its size is not to be trusted).
pub const MOST_OPENED: usize = 16 * 1024 * 1024;

pub async fn compress(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let stream = CompressionStream::new(FORMAT)?;
    through(
        bytes,
        &ReadableWritablePair::new(&stream.readable(), &stream.writable()),
    )
    .await
}

/// The bytes opened; refused when this browser has no decompressor, when they are not raw
/// deflate, or when they open to more than [`MOST_OPENED`].
pub async fn decompress(bytes: &[u8]) -> Result<Vec<u8>, HandoverError> {
    let stream = DecompressionStream::new(FORMAT).map_err(|_| HandoverError::NoCrypto)?;
    let pair = ReadableWritablePair::new(&stream.readable(), &stream.writable());
    let opened = through(bytes, &pair)
        .await
        .map_err(|_| HandoverError::Tampered)?;
    if opened.len() > MOST_OPENED {
        return Err(HandoverError::TooLarge);
    }
    Ok(opened)
}

/// `bytes` through a transform stream, read to the end.
async fn through(bytes: &[u8], transform: &ReadableWritablePair) -> Result<Vec<u8>, JsValue> {
    let source = Response::new_with_opt_u8_array(Some(&mut bytes.to_vec()))?;
    let body = source.body().ok_or_else(|| JsValue::from_str("no body"))?;
    let out = Response::new_with_opt_readable_stream(Some(&body.pipe_through(transform)))?;
    let buffer = JsFuture::from(out.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
