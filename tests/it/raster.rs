//! The CLI's pictures: an animated GIF of a run and a PNG of the finished
//! run, decoded and checked as pictures (frames, size, looping, change),
//! never byte for byte, except the README's own GIF, which must be what
//! the CLI makes today (`UPDATE_GOLDEN=1` rewrites it).

use csp_playground::cli;
use csp_playground::patterns::PatternId;

fn csp(args: &[&str]) -> Result<Vec<u8>, String> {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    cli::run(&args, &mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// The decoded GIF: (width, height, loops forever, frames, first and last
/// full canvases as palette indices).
fn decode(bytes: &[u8]) -> (u16, u16, bool, usize, Vec<u8>, Vec<u8>) {
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::Indexed);
    let mut decoder = options.read_info(bytes).expect("a GIF");
    let (w, h) = (decoder.width(), decoder.height());
    let mut canvas = vec![0u8; w as usize * h as usize];
    let (mut frames, mut first) = (0, None);
    while let Some(frame) = decoder.read_next_frame().expect("a frame") {
        for y in 0..frame.height as usize {
            for x in 0..frame.width as usize {
                let at = (frame.top as usize + y) * w as usize + frame.left as usize + x;
                canvas[at] = frame.buffer[y * frame.width as usize + x];
            }
        }
        frames += 1;
        first.get_or_insert_with(|| canvas.clone());
    }
    let loops = decoder.repeat() == gif::Repeat::Infinite;
    (w, h, loops, frames, first.unwrap_or_default(), canvas)
}

#[test]
fn every_pattern_animates_in_a_small_looping_gif() {
    for id in PatternId::ALL {
        let bytes = csp(&["run", id.id(), "--format", "gif"]).unwrap();
        assert!(bytes.len() < 300_000, "{id:?}: {} bytes", bytes.len());
        let (w, h, loops, frames, first, last) = decode(&bytes);
        assert_eq!(w, 720, "{id:?}");
        assert!(h > 100, "{id:?}: {h} px tall");
        assert!(loops, "{id:?} loops");
        assert!(frames > 5, "{id:?}: {frames} frames");
        let changed = first.iter().zip(&last).filter(|(a, b)| a != b).count();
        assert!(
            changed > 1000,
            "{id:?}: only {changed} pixels changed from the first frame to the last"
        );
    }
}

#[test]
fn picture_options_change_the_picture_and_bad_ones_are_named() {
    let (w, _, _, frames, ..) = decode(
        &csp(&[
            "run",
            "deadline",
            "--format",
            "gif",
            "--width",
            "400",
            "--fps",
            "5",
            "--seconds",
            "2",
        ])
        .unwrap(),
    );
    assert_eq!(w, 400);
    assert!(frames <= 10, "{frames} frames at 5 fps for 2 s");
    let light = csp(&["run", "deadline", "--format", "png"]).unwrap();
    let dark = csp(&["run", "deadline", "--format", "png", "--theme", "dark"]).unwrap();
    assert_eq!(&light[1..4], b"PNG");
    assert_ne!(light, dark, "the theme changes the picture");
    // (arguments, the message)
    for (args, message) in [
        (
            &["--width", "0"][..],
            "--width: 0 is not a whole number from 200 to 2400",
        ),
        (
            &["--width", "100000"],
            "--width: 100000 is not a whole number from 200 to 2400",
        ),
        (&["--fps", "0"], "--fps: 0 is not a whole number from 1 to 30"),
        (
            &["--seconds", "99"],
            "--seconds: 99 is not a whole number from 1 to 60",
        ),
        (&["--width", "wide"], "--width: \"wide\" is not a whole number"),
        (&["--theme", "neon"], "--theme: \"neon\" is not light or dark"),
    ] {
        let mut all = vec!["run", "deadline", "--format", "gif"];
        all.extend_from_slice(args);
        assert_eq!(csp(&all).unwrap_err(), message, "{args:?}");
    }
}

#[test]
fn the_readme_gif_is_what_the_cli_makes_today() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/deadline.gif");
    let made = csp(&["run", "deadline", "--seed", "1", "--format", "gif"]).unwrap();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &made).unwrap();
        return;
    }
    let committed = std::fs::read(path).unwrap_or_default();
    assert!(
        committed == made,
        "docs/deadline.gif is stale: review, then `UPDATE_GOLDEN=1 cargo test --test it raster`"
    );
}
