//! The timeline as pictures, for posts where neither an iframe nor SVG is
//! allowed: a PNG of the finished run, and an animated GIF in which the
//! playhead moves over the run and the outputs appear as they happen.
//!
//! Both draw the SVG that `view::timeline` makes (the page's own drawing)
//! with resvg, in the DejaVu Sans font built into the binary, so a picture
//! is the same on every machine. Native only: the page never links this.
//!
//! ```
//! use csp_playground::{cli, patterns::{Params, PatternId}, raster};
//! let params = Params::defaults(PatternId::SpawnWait);
//! let run = cli::run_pattern(&params, 1);
//! let png = raster::png("spawn-wait", &run.trace(), &raster::Options::default()).unwrap();
//! assert_eq!(&png[1..4], b"PNG");
//! ```

use std::sync::Arc;

use crate::rt::{Event, Millis};
use crate::share::Theme;
use crate::view::{self, Model, Window};

/// The drawing's own width, in its units (`view::timeline` draws 900 wide).
const DRAWING_W: f32 = 900.0;
/// How long the GIF holds its last frame before it loops, in ms.
const HOLD_MS: u16 = 2000;

static FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

/// How to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Pixels across (200 to 2400).
    pub width: u32,
    /// GIF frames per second (1 to 30).
    pub fps: u32,
    /// How long the GIF plays the run, in seconds (1 to 60).
    pub seconds: u32,
    /// Light or dark (`System` draws light: a picture has no system).
    pub theme: Theme,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            width: 720,
            fps: 10,
            seconds: 4,
            theme: Theme::Light,
        }
    }
}

impl Options {
    /// Checks the ranges; the message names the bad option.
    pub fn check(&self) -> Result<(), String> {
        let bad = |name: &str, range: &str, v: u32| {
            Err(format!("--{name}: {v} is not a whole number from {range}"))
        };
        match self {
            Options { width, .. } if !(200..=2400).contains(width) => bad("width", "200 to 2400", *width),
            Options { fps, .. } if !(1..=30).contains(fps) => bad("fps", "1 to 30", *fps),
            Options { seconds, .. } if !(1..=60).contains(seconds) => bad("seconds", "1 to 60", *seconds),
            _ => Ok(()),
        }
    }
}

/// The SVG with its `light-dark(a,b)` colours resolved for `theme`: resvg
/// draws SVG 1.1 and does not know CSS colour schemes.
fn themed(svg: &str, theme: Theme) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find("light-dark(") {
        out.push_str(&rest[..i]);
        let inner = &rest[i + "light-dark(".len()..];
        let Some(end) = inner.find(')') else {
            break;
        };
        let (light, dark) = inner[..end]
            .split_once(',')
            .unwrap_or((&inner[..end], &inner[..end]));
        out.push_str(if theme == Theme::Dark {
            dark.trim()
        } else {
            light.trim()
        });
        rest = &inner[end + 1..];
    }
    out.push_str(rest);
    out
}

struct Renderer {
    options: resvg::usvg::Options<'static>,
    width: u32,
}

impl Renderer {
    fn new(width: u32) -> Renderer {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(FONT.to_vec());
        db.set_sans_serif_family("DejaVu Sans");
        let options = resvg::usvg::Options {
            fontdb: Arc::new(db),
            font_family: "DejaVu Sans".to_string(),
            ..resvg::usvg::Options::default()
        };
        Renderer { options, width }
    }

    /// Draws `svg` `width` pixels wide; RGBA rows, and the height.
    fn draw(&self, svg: &str) -> Result<resvg::tiny_skia::Pixmap, String> {
        let tree = resvg::usvg::Tree::from_str(svg, &self.options)
            .map_err(|e| format!("cannot draw the timeline: {e}"))?;
        let scale = self.width as f32 / DRAWING_W;
        let height = (tree.size().height() * scale).ceil().max(1.0) as u32;
        let mut pixmap = resvg::tiny_skia::Pixmap::new(self.width, height)
            .ok_or_else(|| "the picture is too large".to_string())?;
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        Ok(pixmap)
    }
}

/// The timeline of the finished run, as the page shows it at the end.
pub fn png(title: &str, trace: &[Event], options: &Options) -> Result<Vec<u8>, String> {
    options.check()?;
    let model = Model::of(trace);
    let svg = view::timeline(title, &model, Some(model.end()), &Window::default());
    let pixmap = Renderer::new(options.width).draw(&themed(&svg, options.theme))?;
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the PNG: {e}"))
}

/// The run played in `options.seconds`: each frame is the timeline at its
/// instant (lanes so far, outputs so far, the playhead), over the whole
/// run's axis; the last frame holds, then it loops.
pub fn gif(title: &str, trace: &[Event], options: &Options) -> Result<Vec<u8>, String> {
    options.check()?;
    let end = view::end_time(trace).max(1);
    let frames = (options.fps * options.seconds).max(2) as u64;
    let renderer = Renderer::new(options.width);
    let window = Window {
        range: Some((0, end)),
        expanded: Vec::new(),
    };
    let draw_at = |t: Millis| {
        let model = Model::at(trace, t);
        renderer.draw(&themed(
            &view::timeline(title, &model, Some(t), &window),
            options.theme,
        ))
    };
    // One palette for every frame, from the finished picture (it has every
    // colour), so colours never shift between frames.
    let last = draw_at(end)?;
    let (w, h) = (last.width(), last.height());
    let quant = color_quant::NeuQuant::new(10, 256, last.data());
    let palette = quant.color_map_rgb();
    let index = |p: &resvg::tiny_skia::Pixmap| -> Vec<u8> {
        p.data()
            .chunks_exact(4)
            .map(|c| quant.index_of(c) as u8)
            .collect()
    };
    let mut out = Vec::new();
    {
        let too_big = |_| "the GIF is too large".to_string();
        let mut encoder = gif::Encoder::new(&mut out, w as u16, h as u16, &palette)
            .map_err(|e| format!("cannot encode the GIF: {e}"))?;
        encoder
            .set_repeat(gif::Repeat::Infinite)
            .map_err(|e| format!("cannot encode the GIF: {e}"))?;
        let delay = (100 / options.fps).max(2) as u16; // hundredths of a second
        let mut previous: Option<Vec<u8>> = None;
        // A frame is written once the next one is known, so an unchanged
        // frame lengthens the one before instead of being stored again.
        let mut pending: Option<gif::Frame<'static>> = None;
        for i in 0..frames {
            let t = end * i / (frames - 1);
            let pixels = if i == frames - 1 {
                index(&last)
            } else {
                index(&draw_at(t)?)
            };
            let frame = match &previous {
                None => Some(gif::Frame {
                    width: w as u16,
                    height: h as u16,
                    buffer: pixels.clone().into(),
                    delay,
                    ..gif::Frame::default()
                }),
                Some(before) => changed(before, &pixels, w as usize).map(|(x0, y0, x1, y1)| {
                    let mut buffer = Vec::with_capacity((x1 - x0) * (y1 - y0));
                    for y in y0..y1 {
                        buffer.extend_from_slice(&pixels[y * w as usize + x0..y * w as usize + x1]);
                    }
                    gif::Frame {
                        left: x0 as u16,
                        top: y0 as u16,
                        width: (x1 - x0) as u16,
                        height: (y1 - y0) as u16,
                        buffer: buffer.into(),
                        delay,
                        ..gif::Frame::default()
                    }
                }),
            };
            match (frame, pending.as_mut()) {
                (Some(frame), _) => {
                    if let Some(done) = pending.replace(frame) {
                        encoder.write_frame(&done).map_err(too_big)?;
                    }
                }
                (None, Some(p)) => p.delay = p.delay.saturating_add(delay),
                (None, None) => {}
            }
            previous = Some(pixels);
        }
        if let Some(mut done) = pending {
            done.delay = done.delay.saturating_add(HOLD_MS / 10);
            encoder.write_frame(&done).map_err(too_big)?;
        }
    }
    Ok(out)
}

/// The rectangle (x0, y0, x1, y1), end exclusive, where two frames of
/// palette indices differ; `None` when they are the same.
fn changed(before: &[u8], after: &[u8], width: usize) -> Option<(usize, usize, usize, usize)> {
    let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
    for (i, (a, b)) in before.iter().zip(after).enumerate() {
        if a != b {
            let (x, y) = (i % width, i / width);
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x + 1);
            y1 = y1.max(y + 1);
        }
    }
    (x1 > 0).then_some((x0, y0, x1, y1))
}
