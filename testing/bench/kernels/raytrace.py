"""A tiny ray tracer: spheres and a checkered plane, point lights, shadows and
reflections, rendered into a small image.

Exercises a vector class with operator overloading (including reflected and
unary operators), class hierarchies with overridden methods, and float math.
"""

import sys
import math

EPSILON = 1e-5


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self):
        return "Vec(%.4f, %.4f, %.4f)" % (self.x, self.y, self.z)

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k, self.z / k)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def __abs__(self):
        return math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)

    def __matmul__(self, o):  # dot product
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y,
                   self.z * o.x - self.x * o.z,
                   self.x * o.y - self.y * o.x)

    def normalized(self):
        return self / abs(self)

    def reflect(self, normal):
        return self - normal * (2 * (self @ normal))


class Color(Vec):
    __slots__ = ()

    def __mul__(self, k):
        if isinstance(k, Color):
            return Color(self.x * k.x, self.y * k.y, self.z * k.z)
        return Color(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __add__(self, o):
        return Color(self.x + o.x, self.y + o.y, self.z + o.z)

    def to_bytes(self):
        return tuple(max(0, min(255, int(c * 255 + 0.5))) for c in (self.x, self.y, self.z))


BLACK = Color(0.0, 0.0, 0.0)
WHITE = Color(1.0, 1.0, 1.0)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse=0.8, specular=0.3, shininess=20, reflect=0.0):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, a, b, size, **kw):
        super().__init__(a, **kw)
        self.other = b
        self.size = size

    def color_at(self, point):
        k = int(math.floor(point.x / self.size) + math.floor(point.z / self.size))
        return self.color if k % 2 == 0 else self.other


class Shape:
    def __init__(self, material):
        self.material = material

    def intersect(self, ray):
        raise NotImplementedError

    def normal_at(self, point):
        raise NotImplementedError


class Sphere(Shape):
    def __init__(self, center, radius, material):
        super().__init__(material)
        self.center = center
        self.radius = radius

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc @ ray.direction
        c = oc @ oc - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane(Shape):
    def __init__(self, point, normal, material):
        super().__init__(material)
        self.point = point
        self.normal = normal.normalized()

    def intersect(self, ray):
        denom = ray.direction @ self.normal
        if abs(denom) < EPSILON:
            return None
        t = ((self.point - ray.origin) @ self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self):
        self.shapes = []
        self.lights = []
        self.ambient = 0.1

    def add(self, shape):
        self.shapes.append(shape)
        return self

    def nearest(self, ray):
        best_t, best = None, None
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t, best = t, shape
        return best_t, best

    def shadowed(self, point, light):
        to_light = light.position - point
        distance = abs(to_light)
        ray = Ray(point, to_light)
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        t, shape = self.nearest(ray)
        if shape is None:
            return Color(0.2, 0.3, 0.5) * (0.5 + 0.5 * ray.direction.y)
        point = ray.at(t)
        normal = shape.normal_at(point)
        if normal @ ray.direction > 0:
            normal = -normal
        mat = shape.material
        base = mat.color_at(point)
        result = base * self.ambient
        for light in self.lights:
            if self.shadowed(point, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal @ to_light
            if lambert > 0:
                result = result + (base * light.color) * (lambert * mat.diffuse)
            half = (to_light - ray.direction).normalized()
            spec = normal @ half
            if spec > 0:
                result = result + light.color * (mat.specular * spec ** mat.shininess)
        if mat.reflect > 0 and depth > 0:
            bounce = Ray(point, ray.direction.reflect(normal))
            result = result + self.trace(bounce, depth - 1) * mat.reflect
        return result


class Camera:
    def __init__(self, eye, target, up, fov, width, height):
        self.eye = eye
        self.width = width
        self.height = height
        forward = (target - eye).normalized()
        right = forward.cross(up).normalized()
        self.up = right.cross(forward)
        self.right = right
        self.forward = forward
        self.half = math.tan(math.radians(fov) / 2)

    def ray(self, px, py):
        aspect = self.width / self.height
        sx = (2 * (px + 0.5) / self.width - 1) * self.half * aspect
        sy = (1 - 2 * (py + 0.5) / self.height) * self.half
        return Ray(self.eye, self.forward + self.right * sx + self.up * sy)


def build_scene():
    scene = Scene()
    scene.add(Plane(Vec(0, 0, 0), Vec(0, 1, 0),
                    Checker(Color(0.9, 0.9, 0.9), Color(0.1, 0.1, 0.1), 1.0, reflect=0.2)))
    scene.add(Sphere(Vec(0, 1, 3), 1.0, Material(Color(0.8, 0.2, 0.2), reflect=0.3)))
    scene.add(Sphere(Vec(-2.2, 0.7, 4), 0.7, Material(Color(0.2, 0.8, 0.3), shininess=50)))
    scene.add(Sphere(Vec(1.8, 0.5, 2), 0.5, Material(Color(0.3, 0.3, 0.9), reflect=0.5)))
    scene.lights.append(Light(Vec(-4, 6, -2), Color(1.0, 1.0, 1.0)))
    scene.lights.append(Light(Vec(5, 4, 0), Color(0.4, 0.3, 0.2)))
    return scene


def render(width, height):
    scene = build_scene()
    cam = Camera(Vec(0, 2, -4), Vec(0, 0.8, 3), Vec(0, 1, 0), 60, width, height)
    pixels = []
    for py in range(height):
        for px in range(width):
            pixels.append(scene.trace(cam.ray(px, py), 2).to_bytes())
    return pixels


def main(n):
    pixels = []
    for _ in range(n):
        pixels = render(48, 32)
    return pixels


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 17
    pixels = main(n)
    h = 0
    for r, g, b in pixels:
        h = (h * 131 + r * 65536 + g * 256 + b) % 2147483647
    print("raytrace %d pixels=%d hash=%d first=%r mid=%r" %
          (n, len(pixels), h, pixels[0], pixels[len(pixels) // 2 + 24]))
