//! The protocol's framing on stdin and stdout (`Content-Length` headers, then a JSON body),
//! read and written by two threads so the server's loop sees messages through a queue (and can
//! tell that one is waiting, see `Server::full_passes`).
//!
//! The reader is forgiving where lsp-server's is not: a body that is not valid JSON is skipped
//! with a line on stderr instead of ending the server, and a lone UTF-16 surrogate escape
//! (`"\ud800"`, which JavaScript's `JSON.stringify` writes for a buffer holding one) is read as
//! U+FFFD, as the editor would show it.

use std::io::{BufRead, Read, Write};
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender, unbounded};
use lsp_server::{Connection, Message};

/// Bodies larger than this are skipped (read and dropped), not parsed.
const MAX_BODY: usize = 512 * 1024 * 1024;

/// The reading and writing threads; join them after the connection is dropped.
pub struct Threads {
    reader: JoinHandle<()>,
    writer: JoinHandle<()>,
}

impl Threads {
    /// Waits for the writer to flush what it was given. The reader ends when stdin closes;
    /// it is not waited for (an editor may keep stdin open after `exit`).
    pub fn join(self) {
        let _ = self.writer.join();
        drop(self.reader);
    }
}

/// A connection over this process's stdin and stdout.
pub fn stdio() -> (Connection, Threads) {
    let (to_server, receiver) = unbounded::<Message>();
    let (sender, to_client) = unbounded::<Message>();
    let reader = std::thread::spawn(move || read_all(std::io::stdin().lock(), &to_server));
    let writer = std::thread::spawn(move || write_all(std::io::stdout().lock(), &to_client));
    (Connection { sender, receiver }, Threads { reader, writer })
}

fn read_all(mut input: impl BufRead, to_server: &Sender<Message>) {
    loop {
        let body = match read_frame(&mut input) {
            Ok(Some(body)) => body,
            Ok(None) | Err(_) => return,
        };
        let Some(body) = body else { continue };
        match parse(&body) {
            Some(message) => {
                if to_server.send(message).is_err() {
                    return;
                }
            }
            None => eprintln!("planbook lsp: skipped a message that is not valid JSON-RPC"),
        }
    }
}

fn write_all(mut output: impl Write, to_client: &Receiver<Message>) {
    for message in to_client {
        if message.write(&mut output).is_err() || output.flush().is_err() {
            return;
        }
    }
}

/// One frame: `Ok(None)` at the end of input, `Ok(Some(None))` for a frame skipped (too
/// large, or headers without a length).
fn read_frame(input: &mut impl BufRead) -> std::io::Result<Option<Option<Vec<u8>>>> {
    let mut length: Option<usize> = None;
    let mut saw_header = false;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let Some(length) = length else { return Ok(Some(None)) };
    if length > MAX_BODY {
        std::io::copy(&mut input.take(length as u64), &mut std::io::sink())?;
        return Ok(Some(None));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(Some(body)))
}

fn parse(body: &[u8]) -> Option<Message> {
    if let Ok(message) = serde_json::from_slice(body) {
        return Some(message);
    }
    let text = String::from_utf8_lossy(body);
    serde_json::from_str(&without_lone_surrogates(&text)).ok()
}

/// `text` (JSON) with every `\uXXXX` escape of a surrogate that is not half of a pair made
/// `\ufffd`.
fn without_lone_surrogates(text: &str) -> String {
    let hex = |at: usize| -> Option<u16> {
        let digits = text.get(at + 2..at + 6)?;
        (text.get(at..at + 2) == Some("\\u")).then_some(())?;
        u16::from_str_radix(digits, 16).ok()
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if !rest.starts_with('\\') {
            let c = rest.chars().next().unwrap_or('\u{fffd}');
            out.push(c);
            i += c.len_utf8().max(1);
            continue;
        }
        match hex(i) {
            Some(high @ 0xD800..=0xDBFF) => match hex(i + 6) {
                Some(0xDC00..=0xDFFF) => {
                    out.push_str(&text[i..i + 12]);
                    i += 12;
                }
                _ => {
                    let _ = high;
                    out.push_str("\\ufffd");
                    i += 6;
                }
            },
            Some(0xDC00..=0xDFFF) => {
                out.push_str("\\ufffd");
                i += 6;
            }
            _ => {
                // Any other escape is copied whole, so `\\u` stays a backslash and a `u`.
                let end = (i + 2).min(text.len());
                let end = (end..=text.len()).find(|&e| text.is_char_boundary(e)).unwrap_or(end);
                out.push_str(&text[i..end]);
                i = end;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_surrogate_becomes_the_replacement_character() {
        let body = br#"{"jsonrpc":"2.0","method":"x","params":{"text":"a\ud800b\udc00c"}}"#;
        let Some(Message::Notification(n)) = parse(body) else { panic!("not parsed") };
        assert_eq!(n.params["text"], "a\u{fffd}b\u{fffd}c");
        let pair = br#"{"jsonrpc":"2.0","method":"x","params":{"text":"\ud83d\ude00\\ud800"}}"#;
        let Some(Message::Notification(n)) = parse(pair) else { panic!("not parsed") };
        assert_eq!(n.params["text"], "😀\\ud800");
    }

    #[test]
    fn frames_are_read_whatever_the_header_case_and_garbage_is_skipped() {
        let input = b"content-length: 2\r\n\r\n{}Content-Type: x\r\nContent-Length: 3\n\nabc\
Content-Length: 40\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}       ";
        let (tx, rx) = unbounded();
        read_all(&input[..], &tx);
        let got: Vec<Message> = rx.try_iter().collect();
        assert_eq!(got.len(), 1, "{got:?}");
    }
}
