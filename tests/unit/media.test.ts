import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { mediaFile, mediaPath } from "@/lib/media";

describe("lead image files", () => {
  afterEach(() => {
    delete process.env.CONTENT_DIR;
  });

  it("maps an issue and a file name to the issue's folder, with the image's type", () => {
    process.env.CONTENT_DIR = "tests/.tmp/some-content";
    expect(mediaFile("2022-06-01", "photo.JPG")).toEqual({
      path: path.resolve("tests/.tmp/some-content/issues/2022-06-01/photo.JPG"),
      contentType: "image/jpeg",
    });
    expect(mediaFile("2022-06-01", "a_b-c.2.webp")?.contentType).toBe("image/webp");
    expect(mediaFile("2022-06-01", "x.png")?.contentType).toBe("image/png");
    expect(mediaFile("2022-06-01", "x.avif")?.contentType).toBe("image/avif");
  });

  it("refuses anything that is not a plain image name in a dated issue folder", () => {
    for (const [issue, file] of [
      ["2022-06-01", "../issue.yaml"],
      ["2022-06-01", "..%2Fx.png"],
      ["2022-06-01", "sub/x.png"],
      ["2022-06-01", "issue.yaml"],
      ["2022-06-01", "x.svg"],
      ["2022-06-01", ".hidden.png"],
      ["2022-06-01", "..png"],
      ["../2022-06-01", "x.png"],
      ["2022-6-1", "x.png"],
      ["latest", "x.png"],
    ] as const) {
      expect(mediaFile(issue, file), `${issue}/${file}`).toBeNull();
    }
  });

  it("builds the public URL", () => {
    expect(mediaPath("2022-06-01", "photo.jpg")).toBe("/media/2022-06-01/photo.jpg");
  });
});
