//! The history cache: every commit's document changes, kept in the git directory between runs
//! (`.git/planbook/history.bin`), so a rebuild after one new commit reads one commit.
//!
//! It holds the first-parent chain that was walked, newest first, and the changes of the
//! commits that had any. A commit's first parent and its changes never change, so a later walk
//! stops at the first commit of the chain it meets and takes the rest from here.
//!
//! The file: a header (magic, format number, planbook's version, payload length, xxh3
//! checksum of the payload), then the chain (20-byte ids and an index into the commits, or
//! none), then the commits and where history starts, as MessagePack. Anything that does not
//! read back whole — another version, a truncated or altered file, another data folder — is
//! ignored and the history computed again. Writes go to a temporary file renamed into place,
//! so readers see an old whole file or a new whole one, and two processes writing at once both
//! succeed.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use gix::ObjectId;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::history::walk::{CommitChanges, CommitInfo};
use crate::load::cache::Reader;

/// The cache's file name in `.git/planbook`.
const FILE: &str = "history.bin";
/// The JSON cache of planbook before the binary one; removed when found.
const OLD_FILE: &str = "history-cache.json";
const MAGIC: &[u8; 8] = b"PBHIST\r\n";
/// The file layout's number.
const FORMAT: u32 = 2;
/// What a commit's changes are (the matching rule, the shape of a `FieldChange`, how commit
/// metadata is decoded): planbook's version and a number raised when they change within one.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+5");
/// A commit without changes, in the chain.
const NONE: u32 = u32::MAX;
/// Bytes of an object id (SHA-1).
const ID: usize = 20;

/// One walk's results, as stored.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    /// The first-parent chain walked, newest first, each with its index in `commits`.
    pub(crate) chain: Vec<(ObjectId, Option<u32>)>,
    /// The commits that changed documents, newest first.
    pub(crate) commits: Vec<CommitChanges>,
    /// In a shallow clone, the commit the chain stopped at.
    pub(crate) starts_at: Option<CommitInfo>,
}

#[derive(Serialize)]
struct PayloadRef<'a> {
    prefix: &'a Path,
    starts_at: &'a Option<CommitInfo>,
    commits: &'a [CommitChanges],
}

#[derive(Deserialize)]
struct Payload {
    prefix: PathBuf,
    starts_at: Option<CommitInfo>,
    commits: Vec<CommitChanges>,
}

fn dir(git_dir: &Path) -> PathBuf {
    git_dir.join("planbook")
}

/// The cache of the data folder `prefix`, when there is a whole one of this version.
pub(crate) fn load(git_dir: &Path, prefix: &Path) -> Option<Cache> {
    let dir = dir(git_dir);
    // Left by an earlier version: never read again, so it goes.
    let _ = std::fs::remove_file(dir.join(OLD_FILE));
    let bytes = std::fs::read(dir.join(FILE)).ok()?;
    decode(&bytes, prefix)
}

fn decode(bytes: &[u8], prefix: &Path) -> Option<Cache> {
    let mut r = Reader::new(bytes);
    if r.take(MAGIC.len())? != MAGIC || r.u32()? != FORMAT {
        return None;
    }
    let version_len = usize::try_from(r.u32()?).ok()?;
    if r.take(version_len)? != VERSION.as_bytes() {
        return None;
    }
    let len = usize::try_from(r.u64()?).ok()?;
    let checksum = r.u64()?;
    let body = r.take(len)?;
    if !r.rest().is_empty() || xxh3_64(body) != checksum {
        return None;
    }
    let mut r = Reader::new(body);
    let links = usize::try_from(r.u64()?).ok()?;
    let chain_bytes = r.take(links.checked_mul(ID + 4)?)?;
    let payload: Payload = rmp_serde::from_slice(r.rest()).ok()?;
    if payload.prefix != prefix {
        return None;
    }
    let mut chain = Vec::with_capacity(links);
    for link in chain_bytes.chunks_exact(ID + 4) {
        let id = ObjectId::try_from(&link[..ID]).ok()?;
        let index = u32::from_le_bytes(link[ID..].try_into().ok()?);
        let index = match index {
            NONE => None,
            i if usize::try_from(i).ok()? < payload.commits.len() => Some(i),
            _ => return None,
        };
        chain.push((id, index));
    }
    Some(Cache { chain, commits: payload.commits, starts_at: payload.starts_at })
}

fn encode(cache: &Cache, prefix: &Path) -> Option<Vec<u8>> {
    let mut body = Vec::with_capacity(cache.chain.len() * (ID + 4) + 8);
    body.extend_from_slice(&u64::try_from(cache.chain.len()).ok()?.to_le_bytes());
    for (id, index) in &cache.chain {
        body.extend_from_slice(id.as_bytes());
        body.extend_from_slice(&index.unwrap_or(NONE).to_le_bytes());
    }
    let payload = PayloadRef { prefix, starts_at: &cache.starts_at, commits: &cache.commits };
    rmp_serde::encode::write(&mut body, &payload).ok()?;
    let mut out = Vec::with_capacity(body.len() + 64);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&u32::try_from(VERSION.len()).ok()?.to_le_bytes());
    out.extend_from_slice(VERSION.as_bytes());
    out.extend_from_slice(&u64::try_from(body.len()).ok()?.to_le_bytes());
    out.extend_from_slice(&xxh3_64(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Some(out)
}

/// Writes the cache; a read-only repository just goes without.
pub(crate) fn save(git_dir: &Path, prefix: &Path, cache: &Cache) {
    let dir = dir(git_dir);
    let Some(bytes) = encode(cache, prefix) else { return };
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    // One temporary file per process and thread: concurrent writers never share one.
    let unique = format!("{:?}", std::thread::current().id());
    let unique: String = unique.chars().filter(char::is_ascii_digit).collect();
    let temp = dir.join(format!("{FILE}.{}-{unique}.tmp", std::process::id()));
    let written = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(&bytes).and_then(|()| f.sync_data()))
        .is_ok();
    if !written || std::fs::rename(&temp, dir.join(FILE)).is_err() {
        let _ = std::fs::remove_file(&temp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::walk::{ChangeKind, DocChange};

    fn sample() -> Cache {
        let info = CommitInfo {
            id: "a".repeat(40),
            short: "aaaaaaa".into(),
            author: "李娜".into(),
            email: String::new(),
            time: 1_764_000_000,
            offset: 28_800,
            summary: "房租降到4500".into(),
            merge: false,
        };
        let change = DocChange {
            identity: "budget henan 2026-12".into(),
            path: "henan/b.yaml".into(),
            kind: ChangeKind::Renamed { from: "henan/a.yaml".into() },
            fields: crate::history::diff(
                &serde_json::json!({"lines": [{"id": "rent", "amount": "5000"}]}),
                &serde_json::json!({"lines": [{"id": "rent", "amount": "4500"}, {"id": "ads"}]}),
            ),
        };
        let id = ObjectId::from_hex(b"0123456789012345678901234567890123456789").expect("hex");
        Cache {
            chain: vec![(id, Some(0)), (ObjectId::null(gix::hash::Kind::Sha1), None)],
            commits: vec![CommitChanges { commit: info.clone(), changes: vec![change] }],
            starts_at: Some(info),
        }
    }

    #[test]
    fn reads_back_what_it_wrote_and_nothing_damaged() {
        let cache = sample();
        let bytes = encode(&cache, Path::new("data")).expect("encodes");
        let back = decode(&bytes, Path::new("data")).expect("decodes");
        assert_eq!(back.chain, cache.chain);
        let json = |c: &Cache| serde_json::to_string(&(&c.commits, &c.starts_at)).expect("json");
        assert_eq!(json(&back), json(&cache));
        assert!(decode(&bytes, Path::new("other")).is_none(), "another data folder");
        for cut in [0, 7, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut], Path::new("data")).is_none(), "truncated at {cut}");
        }
        for at in [9, 30, bytes.len() / 2, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[at] ^= 0x20;
            assert!(decode(&bad, Path::new("data")).is_none(), "a byte changed at {at}");
        }
    }
}
