//! What most code using this crate needs, in one import:
//! `use sailpoint_isc::prelude::*;`.
//!
//! It brings the stream traits every listing is read with
//! ([`TryStreamExt`] for `try_next` and `try_collect`, [`StreamExt`] for
//! `next`, `take`, `map`, …, and [`Stream`] itself), so reading a stream
//! needs no dependency besides `sailpoint-isc` (and an async runtime such
//! as `tokio`), and the types the common calls take and return: [`Client`],
//! [`Error`], [`DateTime`], [`Date`] and [`Patch`].
//!
//! The traits are re-exported from `futures-util` 0.3, so they are the same
//! traits a crate depending on `futures` or `futures-util` 0.3 itself uses;
//! importing both is fine.
//!
//! ```
//! use sailpoint_isc::paginate::{OffsetPager, Page, PageRequest};
//! use sailpoint_isc::prelude::*;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Error> {
//! // A list of 30 records; a generated list's `.stream()` is the same kind
//! // of stream, fetching its pages through the client.
//! let fetch = |req: PageRequest| async move {
//!     let end = (req.offset + u64::from(req.limit)).min(30);
//!     Ok(Page::new((req.offset..end).collect::<Vec<u64>>()))
//! };
//! let mut stream = OffsetPager::new(10, fetch).items();
//! while let Some(id) = stream.try_next().await? {
//!     if id == 4 {
//!         break;
//!     }
//! }
//! let rest = stream.try_collect::<Vec<_>>().await?;
//! assert_eq!(rest.len(), 25);
//! let first_two: Vec<_> = OffsetPager::new(10, fetch).items().take(2).collect().await;
//! assert_eq!(first_two.len(), 2);
//! # Ok(()) }
//! ```

pub use crate::{Client, Date, DateTime, Error, Patch};
pub use futures_util::{Stream, StreamExt, TryStreamExt};
