import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from "@mantine/core";
import { createLink } from "@tanstack/react-router";
import type { ComponentPropsWithRef } from "react";

/** Mantine components as router links: typed `to`/`params`/`search`, real `<a href>`. */

type AnchorElementProps = Omit<ComponentPropsWithRef<"a">, "color" | "style">;

function AnchorBase(props: AnchorProps & AnchorElementProps) {
  return <Anchor component="a" {...props} />;
}

function ButtonBase(props: ButtonProps & AnchorElementProps) {
  return <Button component="a" {...props} />;
}

function NavLinkBase(props: NavLinkProps & Omit<AnchorElementProps, "onChange">) {
  return <NavLink component="a" {...props} />;
}

export const AnchorLink = createLink(AnchorBase);
export const ButtonLink = createLink(ButtonBase);
export const NavLinkLink = createLink(NavLinkBase);
