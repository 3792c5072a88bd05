use super::*;
use crate::__private::v1::json::{Object, ObjectWriter};
use crate::json::{Decode, Encode};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// ISC's value for a date that was never set.
const ISC_UNSET: &str = "-5877585-01-28T05:08:53.857Z";

fn parts(text: &str) -> DateTimeParts {
    DateTime::parse(text)
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .parsed()
        .unwrap()
}

fn fields(p: DateTimeParts) -> (u16, u8, u8, u8, u8, u8, u32, i16) {
    (
        p.year(),
        p.month(),
        p.day(),
        p.hour(),
        p.minute(),
        p.second(),
        p.nanosecond(),
        p.offset_minutes(),
    )
}

#[test]
fn rfc3339_forms_parse_into_their_components() {
    let cases = [
        ("2024-05-17T08:30:00Z", (2024, 5, 17, 8, 30, 0, 0, 0)),
        ("2024-05-17t08:30:00z", (2024, 5, 17, 8, 30, 0, 0, 0)),
        (
            "2024-05-17T08:30:00.5Z",
            (2024, 5, 17, 8, 30, 0, 500_000_000, 0),
        ),
        (
            "2024-05-17T08:30:00.857Z",
            (2024, 5, 17, 8, 30, 0, 857_000_000, 0),
        ),
        (
            "2024-05-17T08:30:00.000001Z",
            (2024, 5, 17, 8, 30, 0, 1_000, 0),
        ),
        (
            "2024-05-17T08:30:00.123456789987Z",
            (2024, 5, 17, 8, 30, 0, 123_456_789, 0),
        ),
        ("2024-05-17T08:30:00+05:30", (2024, 5, 17, 8, 30, 0, 0, 330)),
        (
            "2024-05-17T08:30:00-08:00",
            (2024, 5, 17, 8, 30, 0, 0, -480),
        ),
        ("2024-05-17T08:30:00-00:00", (2024, 5, 17, 8, 30, 0, 0, 0)),
        (
            "2024-05-17T08:30:00.25+23:59",
            (2024, 5, 17, 8, 30, 0, 250_000_000, 1439),
        ),
        ("0000-01-01T00:00:00Z", (0, 1, 1, 0, 0, 0, 0, 0)),
        (
            "9999-12-31T23:59:59.999999999Z",
            (9999, 12, 31, 23, 59, 59, 999_999_999, 0),
        ),
        ("2000-02-29T12:00:00Z", (2000, 2, 29, 12, 0, 0, 0, 0)),
        ("2016-12-31T23:59:60Z", (2016, 12, 31, 23, 59, 60, 0, 0)),
        (
            "2016-12-31T18:59:60.5-05:00",
            (2016, 12, 31, 18, 59, 60, 500_000_000, -300),
        ),
    ];
    for (text, want) in cases {
        let value = DateTime::from_wire(text);
        assert!(value.is_parsed(), "{text}");
        assert_eq!(fields(parts(text)), want, "{text}");
        assert_eq!(value.as_str(), text);
        assert_eq!(value.to_string(), text);
    }
}

#[test]
fn other_text_stays_unparsed_with_a_reason() {
    let cases = [
        (ISC_UNSET, "expected a date YYYY-MM-DD"),
        ("", "expected a date YYYY-MM-DD"),
        ("10000-01-01T00:00:00Z", "expected a date YYYY-MM-DD"),
        ("2024-5-17T08:30:00Z", "expected a date YYYY-MM-DD"),
        ("２０２４-05-17T08:30:00Z", "expected a date YYYY-MM-DD"),
        ("2024/05/17T08:30:00Z", "expected a date YYYY-MM-DD"),
        ("2024-13-01T00:00:00Z", "month is not in 01..=12"),
        ("2024-00-01T00:00:00Z", "month is not in 01..=12"),
        ("2023-02-29T00:00:00Z", "day is not in the month"),
        ("1900-02-29T00:00:00Z", "day is not in the month"),
        ("2024-04-31T00:00:00Z", "day is not in the month"),
        ("2024-05-00T00:00:00Z", "day is not in the month"),
        (
            "2024-05-17 08:30:00Z",
            "expected `T` between the date and the time",
        ),
        ("2024-05-17", "expected `T` between the date and the time"),
        ("2024-05-17T08:30Z", "expected a time HH:MM:SS"),
        ("2024-05-17T08-30-00Z", "expected a time HH:MM:SS"),
        ("2024-05-17T24:00:00Z", "hour is not in 00..=23"),
        ("2024-05-17T08:60:00Z", "minute is not in 00..=59"),
        ("2024-05-17T08:30:61Z", "second is not in 00..=60"),
        (
            "2024-05-17T08:30:60Z",
            "a leap second (second 60) must be at 23:59 UTC",
        ),
        (
            "2016-12-31T23:59:60+01:00",
            "a leap second (second 60) must be at 23:59 UTC",
        ),
        ("2024-05-17T08:30:00.Z", "expected digits after `.`"),
        (
            "2024-05-17T08:30:00",
            "expected an offset `Z` or `±hh:mm` at the end",
        ),
        (
            "2024-05-17T08:30:00ZZ",
            "expected an offset `Z` or `±hh:mm` and nothing after it",
        ),
        (
            "2024-05-17T08:30:00Z ",
            "expected an offset `Z` or `±hh:mm` and nothing after it",
        ),
        (
            "2024-05-17T08:30:00+0100",
            "expected an offset `Z` or `±hh:mm` and nothing after it",
        ),
        (
            "2024-05-17T08:30:00+01",
            "expected an offset `Z` or `±hh:mm` and nothing after it",
        ),
        (
            "2024-05-17T08:30:00+01:00:00",
            "expected an offset `Z` or `±hh:mm` and nothing after it",
        ),
        (
            "2024-05-17T08:30:00+1a:00",
            "expected an offset `Z` or `±hh:mm`",
        ),
        ("2024-05-17T08:30:00+24:00", "offset hour is not in 00..=23"),
        (
            "2024-05-17T08:30:00-01:60",
            "offset minute is not in 00..=59",
        ),
    ];
    for (text, reason) in cases {
        let value = DateTime::from_wire(text);
        assert!(!value.is_parsed(), "{text}");
        assert_eq!(value.parsed(), None);
        assert_eq!(value.unix_timestamp(), None);
        assert_eq!(value.as_str(), text);
        let err = DateTime::parse(text).unwrap_err();
        assert_eq!((err.text(), err.reason()), (Some(text), reason), "{text}");
        assert_eq!(text.parse::<DateTime>().unwrap_err(), err);
        assert_eq!(DateTimeParts::try_from(&value).unwrap_err(), err);
    }
    let err = DateTime::parse(ISC_UNSET).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("`{ISC_UNSET}` is not RFC 3339: expected a date YYYY-MM-DD")
    );
    assert_eq!(err.into_text().as_deref(), Some(ISC_UNSET));
}

#[test]
fn unix_time_of_known_instants() {
    let cases: [(&str, i128); 8] = [
        ("1970-01-01T00:00:00Z", 0),
        ("2024-05-17T08:30:00.5+02:00", 1_715_927_400_500_000_000),
        ("2024-05-17T06:30:00.5Z", 1_715_927_400_500_000_000),
        ("1969-12-31T23:59:59.5Z", -500_000_000),
        ("0000-01-01T00:00:00Z", -62_167_219_200_000_000_000),
        ("9999-12-31T23:59:59Z", 253_402_300_799_000_000_000),
        // A leap second is the second before it in unix time.
        ("2016-12-31T23:59:60.25Z", 1_483_228_799_250_000_000),
        ("0000-01-01T00:00:00+01:00", -62_167_222_800_000_000_000),
    ];
    for (text, nanos) in cases {
        let value = DateTime::from_wire(text);
        assert_eq!(value.unix_timestamp_nanos(), Some(nanos), "{text}");
        assert_eq!(
            value.unix_timestamp(),
            Some(i64::try_from(nanos.div_euclid(1_000_000_000)).unwrap())
        );
    }
}

#[test]
fn instants_past_the_time_crates_range_keep_their_unix_time() {
    // 10000-01-01T23:58:59Z: after the last instant of `time`'s UTC types,
    // yet a valid RFC 3339 text, as are leap seconds on that last day.
    let late = 253_402_300_799 + 1439 * 60;
    let value = DateTime::from_wire("9999-12-31T23:59:59-23:59");
    assert_eq!(value.unix_timestamp(), Some(late));
    assert!(DateTime::from_unix_timestamp(late, 0).is_err());
    let leap = parts("9999-12-31T18:59:60.5-05:00");
    assert_eq!((leap.second(), leap.is_leap_second()), (60, true));
    assert_eq!(leap.unix_timestamp(), 253_402_300_799);
    // Debug is the canonical form, which shows second 60.
    assert_eq!(
        format!("{leap:?}"),
        "DateTimeParts(9999-12-31T18:59:60.500-05:00)"
    );
    assert_eq!(
        format!("{:?}", DateParts::new(7, 7, 7).unwrap()),
        "DateParts(0007-07-07)"
    );
}

#[test]
fn calendar_arithmetic_agrees_with_counting_days() {
    // Walk every day from 0000-01-01 to 9999-12-31 with a plain calendar and
    // check both directions of the day arithmetic.
    let mut seconds = -62_167_219_200_i64;
    for year in 0..=9999u16 {
        for month in 1..=12u8 {
            let mut day = 1u8;
            while let Ok(date) = DateParts::new(year, month, day) {
                let p = DateTimeParts::new(year, month, day, 0, 0, 0).unwrap();
                assert_eq!(p.unix_timestamp(), seconds, "{date}");
                let back = DateTimeParts::from_unix_timestamp(seconds + 86_399, 0).unwrap();
                assert_eq!((back.date(), back.hour(), back.second()), (date, 23, 59));
                seconds += 86_400;
                day += 1;
            }
            assert!(day >= 29, "{year}-{month}");
        }
    }
    assert_eq!(seconds, 253_402_300_800);
    assert!(DateTime::from_unix_timestamp(seconds, 0).is_err());
    assert!(DateTime::from_unix_timestamp(-62_167_219_201, 0).is_err());
    assert!(DateTime::from_unix_timestamp(i64::MIN, 0).is_err());
    assert!(DateTime::from_unix_timestamp(i64::MAX, 0).is_err());
    assert!(DateTime::from_unix_timestamp(0, 1_000_000_000).is_err());
    assert!(DateTime::from_unix_timestamp_nanos(i128::MAX).is_err());
}

#[test]
fn values_made_from_components_are_canonical() {
    let p = DateTimeParts::new(2024, 5, 17, 6, 30, 0).unwrap();
    let cases = [
        (0, 0, "2024-05-17T06:30:00Z"),
        (5_000_000, 0, "2024-05-17T06:30:00.005Z"),
        (123_456_000, 0, "2024-05-17T06:30:00.123456Z"),
        (1, 0, "2024-05-17T06:30:00.000000001Z"),
        (0, -330, "2024-05-17T06:30:00-05:30"),
        (0, 60, "2024-05-17T06:30:00+01:00"),
    ];
    for (nanos, offset, text) in cases {
        let p = p.with_nanosecond(nanos).unwrap();
        let value = DateTime::from(p.with_offset_minutes(offset).unwrap());
        assert_eq!(value.as_str(), text);
        assert_eq!(DateTime::parse(text).unwrap().parsed(), value.parsed());
    }
    let utc = DateTime::from_unix_timestamp_nanos(-1).unwrap();
    assert_eq!(utc.as_str(), "1969-12-31T23:59:59.999999999Z");
    assert_eq!(
        DateTime::from_unix_timestamp(1_715_927_400, 0)
            .unwrap()
            .as_str(),
        "2024-05-17T06:30:00Z"
    );
}

#[test]
fn components_are_checked() {
    let reason = |r: Result<DateTimeParts, DateTimeError>| r.unwrap_err().reason().to_owned();
    assert_eq!(
        reason(DateTimeParts::new(10_000, 1, 1, 0, 0, 0)),
        "year is not in 0000..=9999"
    );
    assert_eq!(
        reason(DateTimeParts::new(2024, 2, 30, 0, 0, 0)),
        "day is not in the month"
    );
    assert_eq!(
        reason(DateTimeParts::new(2024, 1, 1, 24, 0, 0)),
        "hour is not in 00..=23"
    );
    let p = DateTimeParts::new(2024, 1, 1, 0, 0, 0).unwrap();
    assert!(p.with_nanosecond(999_999_999).is_ok());
    assert_eq!(
        reason(p.with_nanosecond(1_000_000_000)),
        "nanosecond is not below 1000000000"
    );
    assert_eq!(
        reason(DateTimeParts::new(2024, 1, 1, 0, 0, 61)),
        "second is not in 00..=60"
    );
    assert_eq!(
        reason(p.with_offset_minutes(1440)),
        "offset is not within ±23:59"
    );
    assert!(p.with_offset_minutes(1439).is_ok());
    assert!(p.with_offset_minutes(-1440).is_err());
    assert_eq!(DateTimeError::range("x").text(), None);
    // A leap second follows the offset: 23:59:60 UTC is 00:59:60 at +01:00.
    let leap = DateTimeParts::new(2016, 12, 31, 23, 59, 60).unwrap();
    assert!(leap.is_leap_second());
    assert!(leap.with_offset_minutes(60).is_err());
    let east = DateTimeParts::new(2017, 1, 1, 0, 59, 60).unwrap_err();
    assert_eq!(
        east.reason(),
        "a leap second (second 60) must be at 23:59 UTC"
    );
    let date = DateParts::new(2017, 1, 1).unwrap();
    let east = DateTimeParts::from_fields(date, 0, 59, 60, 5, 60).unwrap();
    assert_eq!(east, parts("2017-01-01T00:59:60.000000005+01:00"));
    assert!(DateTimeParts::from_fields(date, 0, 59, 60, 5, 0).is_err());
}

#[test]
fn equality_and_order_are_by_instant_then_unparsed_text() {
    let a = DateTime::from_wire("2024-05-17T09:00:00Z");
    let b = DateTime::from_wire("2024-05-17T10:00:00.000+01:00");
    assert_eq!(a, b);
    assert_ne!(a.as_str(), b.as_str());
    assert_ne!(a.parsed(), b.parsed(), "components compare fieldwise");
    let ordered = [
        "0000-01-01T00:00:00Z",
        "2016-12-31T23:59:59.999Z",
        "2016-12-31T23:59:60Z",
        "2016-12-31T23:59:60.5Z",
        "2017-01-01T00:00:00Z",
        "2024-05-17T09:00:00.000000001Z",
        "2024-05-17T09:00:00.1-05:00",
        ISC_UNSET,
        "not a date",
    ];
    for pair in ordered.windows(2) {
        let (x, y) = (DateTime::from_wire(pair[0]), DateTime::from_wire(pair[1]));
        assert!(x < y, "{x:?} < {y:?}");
        assert_ne!(x, y);
    }
    assert_eq!(
        DateTime::from_wire(ISC_UNSET),
        DateTime::from_wire(ISC_UNSET)
    );
    let set: HashSet<DateTime> = [&a, &b, &DateTime::from_wire(ISC_UNSET)]
        .into_iter()
        .cloned()
        .collect();
    assert_eq!(set.len(), 2);
    assert!(set.contains(&DateTime::from_wire("2024-05-17T04:00:00-05:00")));
    assert!(set.contains(&DateTime::from_wire(ISC_UNSET)));
    assert!(!set.contains(&DateTime::from_wire("-5877585-01-28T05:08:53.858Z")));
}

#[test]
fn debug_says_when_unparsed() {
    assert_eq!(
        format!("{:?}", DateTime::from_wire("2024-05-17T09:00:00Z")),
        r#"DateTime("2024-05-17T09:00:00Z")"#
    );
    assert_eq!(
        format!("{:?}", DateTime::from_wire(ISC_UNSET)),
        format!("DateTime(unparsed {ISC_UNSET:?})")
    );
    assert_eq!(
        format!("{:?}", Date::from_wire("x")),
        r#"Date(unparsed "x")"#
    );
}

#[test]
fn json_round_trips_byte_for_byte() {
    let texts = [
        ISC_UNSET,
        "2024-05-17t08:30:00.50000+02:00",
        "2024-05-17T08:30:00Z",
        "2016-12-31T23:59:60Z",
        "",
        "garbage",
    ];
    for text in texts {
        let value = DateTime::decode(json!(text)).unwrap();
        assert_eq!(value.encode(), json!(text));
        let body = format!("[\"{text}\"]");
        let decoded: Vec<DateTime> = crate::json::decode_slice(body.as_bytes()).unwrap();
        assert_eq!(serde_json::to_string(&decoded.encode()).unwrap(), body);
    }
    let err = Vec::<DateTime>::decode(json!(["2024-05-17T08:30:00Z", 5])).unwrap_err();
    assert_eq!(err.path(), "[1]");
    assert_eq!(
        err.message(),
        "invalid type: integer `5`, expected a date-time string"
    );
    let err = DateTime::decode(json!({"a": 1})).unwrap_err();
    assert_eq!(
        err.message(),
        "invalid type: map, expected a date-time string"
    );
    let err = Date::decode(json!(true)).unwrap_err();
    assert_eq!(
        err.message(),
        "invalid type: boolean `true`, expected a date string"
    );
}

#[test]
fn null_and_absent_go_through_option() {
    let body = json!({"unset": ISC_UNSET, "set": "2024-05-17T08:30:00Z", "null": null});
    let mut o = Object::new(body, "Account").unwrap();
    let unset: Option<DateTime> = o.opt("unset");
    assert_eq!(unset.as_ref().map(DateTime::is_parsed), Some(false));
    let set: DateTime = o.req("set").unwrap();
    assert_eq!(set.unix_timestamp(), Some(1_715_934_600));
    assert_eq!(o.opt::<DateTime>("null"), None);
    assert_eq!(o.opt::<DateTime>("absent"), None);
    assert_eq!(o.opt_null::<DateTime>("absent"), None);
    assert_eq!(o.req::<Option<DateTime>>("absent").unwrap(), None);
    // A required date-time the tenant left out or sent as null is read
    // leniently: an unparsed empty placeholder (see `json::Received`).
    let gone = o.req::<DateTime>("gone").unwrap();
    assert_eq!((gone.is_parsed(), gone.as_str()), (false, ""));
    let mut o = Object::new(json!({"null": null}), "Account").unwrap();
    assert_eq!(o.opt_null::<DateTime>("null"), Some(None));
    let err = Object::new(json!({"created": 5}), "Account")
        .unwrap()
        .req::<DateTime>("created")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "created: invalid type: integer `5`, expected a date-time string"
    );

    let mut w = ObjectWriter::new();
    w.req("set", &set)
        .opt("unset", &unset)
        .opt("absent", &None::<DateTime>)
        .opt("null", &Some(None::<DateTime>));
    assert_eq!(
        w.finish(),
        json!({"set": "2024-05-17T08:30:00Z", "unset": ISC_UNSET, "null": null})
    );
}

#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
struct Row {
    modified: DateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    created: Option<DateTime>,
    due: Option<Date>,
}

#[test]
fn serde_round_trips_byte_for_byte() {
    let body = format!(r#"{{"modified":"{ISC_UNSET}","due":"2024-02-29"}}"#);
    let row: Row = serde_json::from_str(&body).unwrap();
    assert!(!row.modified.is_parsed());
    assert_eq!(row.created, None);
    assert_eq!(
        row.due.as_ref().and_then(Date::parsed),
        DateParts::new(2024, 2, 29).ok()
    );
    assert_eq!(serde_json::to_string(&row).unwrap(), body);
    let body = r#"{"modified":"2024-05-17T08:30:00.5+02:00","created":null,"due":"24-2-29"}"#;
    let row: Row = serde_json::from_str(body).unwrap();
    assert_eq!(row.modified.parsed().map(|p| p.offset_minutes()), Some(120));
    assert!(!row.due.as_ref().unwrap().is_parsed());
    let back: Value = serde_json::to_value(&row).unwrap();
    assert_eq!(
        back,
        json!({"modified":"2024-05-17T08:30:00.5+02:00","due":"24-2-29"})
    );
    let err = serde_json::from_str::<Row>(r#"{"modified":17,"due":null}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid type: integer `17`, expected a date-time string"),
        "{err}"
    );
}

#[test]
fn system_time_converts_both_ways() {
    let cases = [
        (
            UNIX_EPOCH + Duration::new(1_715_927_400, 5),
            "2024-05-17T06:30:00.000000005Z",
        ),
        (
            UNIX_EPOCH - Duration::from_millis(1500),
            "1969-12-31T23:59:58.500Z",
        ),
        (UNIX_EPOCH, "1970-01-01T00:00:00Z"),
    ];
    for (time, text) in cases {
        let value = DateTime::try_from(time).unwrap();
        assert_eq!(value.as_str(), text);
        assert_eq!(SystemTime::try_from(&value).unwrap(), time);
    }
    let now = SystemTime::now();
    assert_eq!(
        SystemTime::try_from(&DateTime::try_from(now).unwrap()).unwrap(),
        now
    );
    let err = SystemTime::try_from(&DateTime::from_wire(ISC_UNSET)).unwrap_err();
    assert_eq!(err.text(), Some(ISC_UNSET));
}

#[test]
fn dates_parse_strictly_and_round_trip() {
    for text in ["2024-02-29", "0000-01-01", "9999-12-31"] {
        let date = Date::from_wire(text);
        assert!(date.is_parsed(), "{text}");
        assert_eq!(date.encode(), json!(text));
        assert_eq!(date.parsed().unwrap().to_string(), text);
    }
    let bad = [
        ("2023-02-29", "day is not in the month"),
        ("2024-02-29T00:00:00Z", "expected nothing after the date"),
        ("2024-2-29", "expected a date YYYY-MM-DD"),
        ("-5877585-01-28", "expected a date YYYY-MM-DD"),
        ("20240229", "expected a date YYYY-MM-DD"),
    ];
    for (text, reason) in bad {
        let date = Date::decode(json!(text)).unwrap();
        assert!(!date.is_parsed(), "{text}");
        assert_eq!(date.encode(), json!(text));
        let err = text.parse::<Date>().unwrap_err();
        assert_eq!((err.text(), err.reason()), (Some(text), reason));
        assert_eq!(DateParts::try_from(&date).unwrap_err(), err);
    }
    let ordered = [
        "0000-01-01",
        "2024-02-29",
        "2024-03-01",
        "9999-12-31",
        "-1-01-01",
        "x",
    ];
    for pair in ordered.windows(2) {
        assert!(
            Date::from_wire(pair[0]) < Date::from_wire(pair[1]),
            "{pair:?}"
        );
    }
    assert_eq!(
        Date::from(DateParts::new(7, 7, 7).unwrap()).as_str(),
        "0007-07-07"
    );
    assert!(DateParts::new(2024, 13, 1).is_err());
    assert!(DateParts::new(10_000, 1, 1).is_err());
}
