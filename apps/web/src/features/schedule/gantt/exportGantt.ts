import type { ReactElement } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { downloadFile } from "../../../lib/download.ts";

/** Renders an SVG element off-screen and returns its markup. */
export function svgMarkup(element: ReactElement): {
  markup: string;
  width: number;
  height: number;
} {
  const host = document.createElement("div");
  const root = createRoot(host);
  flushSync(() => root.render(element));
  const svg = host.querySelector("svg");
  if (!svg) {
    root.unmount();
    throw new Error("Nothing to export");
  }
  const markup = new XMLSerializer().serializeToString(svg);
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  root.unmount();
  return { markup, width, height };
}

/**
 * Rasterises an SVG (as a data: image, which the page's CSP allows) onto a canvas at twice the
 * size for sharp text, and downloads it as a PNG.
 */
export async function downloadSvgAsPng(element: ReactElement, fileName: string): Promise<void> {
  const { markup, width, height } = svgMarkup(element);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const ratio = 2;
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * ratio);
  canvas.height = Math.ceil(height * ratio);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw the image");
  context.scale(ratio, ratio);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("The image could not be made");
  downloadFile(fileName, [blob], "image/png");
}
